package org.fieldscore.pde.physics;

import java.util.Locale;

import org.fieldscore.fields.NamedValues;
import org.fieldscore.fields.constants.Coupling;

/**
 * Named couplings g of ∇²φ = gρ with the physics they stand for (values and signs from {@link Coupling}).
 *
 * <p>Gauss's law in both cases: the flux of the field strength −∇φ out of a closed surface is −g·(enclosed source):
 * q/ε₀ for electrostatics and −4πG·M for gravitation (gravity points inwards).
 */
public enum PhysicsPreset {
    /** g = −1/ε₀; ρ in C m⁻³, φ in V, E = −∇φ in V m⁻¹. */
    ELECTROSTATICS_SI("electrostatics-si", Coupling.electrostaticsSI()),
    /** g = −1 (Heaviside–Lorentz, ε₀ = 1). */
    ELECTROSTATICS_NATURAL("electrostatics-natural", Coupling.electrostaticsNatural()),
    /** g = 4πG; ρ in kg m⁻³, φ in J kg⁻¹, field −∇φ in m s⁻². */
    GRAVITATION_SI("gravitation-si", Coupling.gravitationSI()),
    /** g = 4π (G = 1). */
    GRAVITATION_NATURAL("gravitation-natural", Coupling.gravitationNatural());

    private final String key;
    private final Coupling coupling;

    PhysicsPreset(String key, Coupling coupling) {
        this.key = key;
        this.coupling = coupling;
    }

    /** @return the coupling g */
    public Coupling coupling() {
        return coupling;
    }

    /** @return the scenario-file name, e.g. {@code electrostatics-si} */
    public String key() {
        return key;
    }

    /**
     * @param enclosed the enclosed source (charge or mass)
     * @return the flux of −∇φ through a closed surface around it: −g·enclosed
     */
    public double fluxOf(double enclosed) {
        return -coupling.value() * enclosed;
    }

    /**
     * @param name a key such as {@code electrostatics-si} (case-insensitive; '_' and '-' are equivalent)
     * @return the preset
     * @throws IllegalArgumentException listing the valid names
     */
    public static PhysicsPreset byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return NamedValues.byKey(PhysicsPreset.class, n, PhysicsPreset::key, "physics preset");
    }
}

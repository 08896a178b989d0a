package org.fieldscore.fields.constants;

/**
 * The coupling constant g of the essay's Lagrangian L = ½[(∂φ/∂t)² − |∇φ|²] − gρφ, whose static Euler–Lagrange
 * equation is Poisson's equation ∇²φ = gρ.
 *
 * <p>Sign convention: with E = −∇φ (electrostatics) and g = −∇φ (gravity), Gauss's laws ∇·E = ρ/ε₀ and
 * ∇·g = −4πGρ require ∇²φ = −ρ/ε₀ and ∇²φ = 4πGρ. The essay writes ∇²φ = ρ/ε₀; FieldScore uses the physically
 * consistent g = −1/ε₀, so that a positive charge has a positive potential −g q/(4πr) = q/(4πε₀r).
 *
 * @param value g
 * @param name a short description
 */
public record Coupling(double value, String name) {

    /** @throws IllegalArgumentException when g is not finite */
    public Coupling {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("coupling constant must be finite, got " + value);
        }
    }

    /** @return electrostatics in SI units: g = −1/ε₀ (m F⁻¹), ρ in C m⁻³, φ in V */
    public static Coupling electrostaticsSI() {
        return new Coupling(-1.0 / PhysicalConstants.VACUUM_PERMITTIVITY, "electrostatics (SI): -1/epsilon0");
    }

    /** @return electrostatics in Heaviside–Lorentz natural units (ε₀ = 1): g = −1 */
    public static Coupling electrostaticsNatural() {
        return new Coupling(-1.0, "electrostatics (natural units, epsilon0 = 1): -1");
    }

    /** @return gravitation in SI units: g = 4πG (m³ kg⁻¹ s⁻²), ρ in kg m⁻³, φ in J kg⁻¹ */
    public static Coupling gravitationSI() {
        return new Coupling(4 * Math.PI * PhysicalConstants.GRAVITATIONAL_CONSTANT, "gravitation (SI): 4 pi G");
    }

    /** @return gravitation in natural units (G = 1): g = 4π */
    public static Coupling gravitationNatural() {
        return new Coupling(4 * Math.PI, "gravitation (natural units, G = 1): 4 pi");
    }

    /**
     * @param g the value
     * @return a coupling without physical meaning attached
     */
    public static Coupling of(double g) {
        return new Coupling(g, "g = " + g);
    }
}

package org.fieldscore.runner.exec;

import java.util.Map;
import java.util.Set;

/**
 * The equation each step type computes, as the report shows it above the step's numbers, and which step types
 * produce signed quantities (drawn on the diverging colour scale centred on zero).
 */
final class StepEquations {

    private static final Map<String, String> EQUATIONS = Map.ofEntries(
            Map.entry("field", "φ(x) = f(x), sampled on the grid"),
            Map.entry("vector-field", "v(x) = (f₁(x), …, f_d(x)), sampled on the grid"),
            Map.entry("source", "ρ(x) = Σₖ qₖ N(x; xₖ, s²), charges deposited as Gaussians"),
            Map.entry("gradient", "∇φ = (∂φ/∂x, ∂φ/∂y, …); space-time: ∂φ/∂X^μ = (∂φ/∂t, ∇φ)"),
            Map.entry("divergence", "∇·v = Σₐ ∂vₐ/∂xₐ"),
            Map.entry("curl", "∇×v (in 2-D the scalar ∂v_y/∂x − ∂v_x/∂y)"),
            Map.entry("laplacian", "∇²φ = Σₐ ∂²φ/∂xₐ²"),
            Map.entry("norm", "|v| = √(Σₐ vₐ²)"),
            Map.entry("minkowski-norm", "∂_μφ ∂^μφ = (∂φ/∂t)²/c² − |∇φ|²"),
            Map.entry("component", "vₐ, one component of a vector field"),
            Map.entry("convert", "v' = a·(v − b), a unit conversion"),
            Map.entry("compose", "ψ = F(φ₁, …, φₙ), point by point"),
            Map.entry("lagrangian", "L = ½[(∂φ/∂t)²/c² − |∇φ|²] − gρφ, action S = ∫ L dt dx"),
            Map.entry("poisson", "∇²φ = g ρ (the stationary point of the action with a charge at rest)"),
            Map.entry("diffusion", "∂u/∂t = k ∇²u"),
            Map.entry("heat", "∂u/∂t = k ∇²u"),
            Map.entry("wave", "∂²φ/∂t² = c²∇²φ − γ ∂φ/∂t − g ρ"),
            Map.entry("model", "p(x; θ), score S(x; θ) = ∇ₓ log p(x; θ)"),
            Map.entry("data", "x₁, …, x_N ~ p"),
            Map.entry("fit", "θ̂ = argmin J(θ), J(θ) = E[tr ∂S/∂x + ½|S|²] (Hyvärinen 2005)"),
            Map.entry("score-field", "S(x; θ) = ∇ₓ log p(x; θ) (or log p, or ∇ₓ·S) on the grid"),
            Map.entry("langevin", "x ← x + (ε/2) S(x) + √ε z, z ~ N(0, I)"),
            Map.entry("annealed-langevin", "x ← x + (εᵢ/2) S(x; σᵢ) + √εᵢ z for decreasing noise levels σᵢ"),
            Map.entry("score-network", "S_θ = a network trained by score matching"),
            Map.entry("brownian-vs-heat", "dX = √(2k) dW against ∂u/∂t = k ∇²u"),
            Map.entry("boltzmann", "p(x) ∝ exp(−φ(x)/T), S = −∇φ/T"),
            Map.entry("score-to-density", "log p(x) = ∫ S · dx + const, normalised"),
            Map.entry("compare", "error = ‖a − b‖ in the stated metric, passes when ≤ tolerance"));

    /** Step types whose field is a signed quantity: sources and sinks, rotation senses, residuals, densities L. */
    private static final Set<String> SIGNED = Set.of("divergence", "curl", "laplacian", "minkowski-norm",
            "lagrangian");

    private StepEquations() {
    }

    /**
     * @param type a step type
     * @return its equation, or empty for types without one (e.g. plot)
     */
    static String of(String type) {
        return EQUATIONS.getOrDefault(type, "");
    }

    /**
     * @param type a step type
     * @return whether its scalar result is signed (diverging colour scale whatever the values)
     */
    static boolean signed(String type) {
        return SIGNED.contains(type);
    }
}

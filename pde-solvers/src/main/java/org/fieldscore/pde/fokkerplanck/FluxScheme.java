package org.fieldscore.pde.fokkerplanck;

import org.fieldscore.fields.NamedValues;

/**
 * How the flux J = b p − D ∂p/∂x through a cell face is discretised from the two cell values next to it.
 */
public enum FluxScheme {
    /**
     * The exponentially fitted flux of Scharfetter &amp; Gummel (IEEE Trans. Electron Devices 16, 64–77, 1969),
     * identical to the Chang–Cooper weighting for this flux (J. Comput. Phys. 6, 1–16, 1970):
     * J = (D/h)[B(−Pe) p<sub>L</sub> − B(Pe) p<sub>R</sub>], Pe = b h/D, B(z) = z/(eᶻ − 1). Second order, exact for a
     * constant drift, positive for every cell Péclet number, and for a gradient drift b = −D∇U with
     * Pe = U<sub>L</sub> − U<sub>R</sub> its zero-flux state is exactly exp(−U) at the grid points.
     */
    SCHARFETTER_GUMMEL("scharfetter-gummel"),
    /**
     * Central differences J = b (p<sub>L</sub> + p<sub>R</sub>)/2 − D (p<sub>R</sub> − p<sub>L</sub>)/h: second
     * order, but the density can go negative when the cell Péclet number |Pe| exceeds 2. For comparison only.
     */
    CENTRAL("central");

    private final String key;

    FluxScheme(String key) {
        this.key = key;
    }

    /** @return the scenario-file name */
    public String key() {
        return key;
    }

    /**
     * @param name {@code scharfetter-gummel} or {@code central}
     * @return the scheme
     */
    public static FluxScheme byName(String name) {
        return NamedValues.byKey(FluxScheme.class, name, FluxScheme::key, "flux scheme");
    }
}

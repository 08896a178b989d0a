package org.fieldscore.fields.constants;

/**
 * Physical constants, CODATA 2018 recommended values (E. Tiesinga et al., Rev. Mod. Phys. 93, 025010, 2021).
 */
public final class PhysicalConstants {

    /** Vacuum electric permittivity ε₀ = 8.8541878128 × 10⁻¹² F m⁻¹. */
    public static final double VACUUM_PERMITTIVITY = 8.8541878128e-12;

    /** Vacuum magnetic permeability μ₀ = 1.25663706212 × 10⁻⁶ N A⁻². */
    public static final double VACUUM_PERMEABILITY = 1.25663706212e-6;

    /** Speed of light in vacuum c = 299 792 458 m s⁻¹ (exact). */
    public static final double SPEED_OF_LIGHT = 299_792_458.0;

    /** Newtonian constant of gravitation G = 6.67430 × 10⁻¹¹ m³ kg⁻¹ s⁻². */
    public static final double GRAVITATIONAL_CONSTANT = 6.67430e-11;

    /** Elementary charge e = 1.602176634 × 10⁻¹⁹ C (exact). */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;

    /** Boltzmann constant k<sub>B</sub> = 1.380649 × 10⁻²³ J K⁻¹ (exact). */
    public static final double BOLTZMANN_CONSTANT = 1.380649e-23;

    private PhysicalConstants() {
    }
}

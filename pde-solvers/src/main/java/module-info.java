/**
 * FieldScore's PDE half: Poisson, diffusion/heat, Fokker–Planck and wave equations on finite-difference grids, physics presets,
 * analytic reference solutions, and the bridges that need only PDE types (score → log-density by a Poisson solve,
 * Brownian particles against the heat equation).
 */
module org.fieldscore.pde {
    requires transitive org.fieldscore.fields;
    requires hipparchus.ode;
    requires ejml.core;
    requires ejml.ddense;
    requires ejml.dsparse;
    requires JTransforms;

    exports org.fieldscore.pde;
    exports org.fieldscore.pde.analytic;
    exports org.fieldscore.pde.bridge;
    exports org.fieldscore.pde.diffusion;
    exports org.fieldscore.pde.fokkerplanck;
    exports org.fieldscore.pde.physics;
    exports org.fieldscore.pde.poisson;
    exports org.fieldscore.pde.wave;
}

/**
 * FieldScore's shared field abstraction: grids, scalar and vector fields, finite-difference operators, boundary
 * conditions, sources, the Lagrangian, histogram densities on grids and seeded random streams. The meeting point of
 * the PDE half ({@code org.fieldscore.pde}) and the statistics half ({@code org.fieldscore.score}).
 */
module org.fieldscore.fields {
    requires transitive hipparchus.core;

    exports org.fieldscore.fields;
    exports org.fieldscore.fields.bc;
    exports org.fieldscore.fields.constants;
    exports org.fieldscore.fields.density;
    exports org.fieldscore.fields.grid;
    exports org.fieldscore.fields.lagrangian;
    exports org.fieldscore.fields.ops;
    exports org.fieldscore.fields.progress;
    exports org.fieldscore.fields.random;
    exports org.fieldscore.fields.source;

    // kernels on flat arrays and the chunked loops: shared by the FieldScore modules, not API
    exports org.fieldscore.fields.kernel to org.fieldscore.pde;
    exports org.fieldscore.fields.parallel to org.fieldscore.pde, org.fieldscore.score;
}

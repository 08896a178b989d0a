package org.fieldscore.runner.output.summary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A summary with every kind of content (nested scenario, ordered metrics, NaN, infinity, pass and fail). */
public final class SummaryFixture {

    private SummaryFixture() {
    }

    /** @return the sample summary */
    public static RunSummary sample() {
        Map<String, Object> grid = new LinkedHashMap<>();
        grid.put("shape", List.of(65, 65));
        grid.put("lower", List.of(-1.0, -1.0));
        grid.put("upper", List.of(1.0, 1.0));
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("name", "point-charge");
        scenario.put("parameters", Map.of("charge", 1.602176634e-19));
        scenario.put("grid", grid);
        scenario.put("absorbing", true);

        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("iterations", 12.0);
        metrics.put("residual", 3.1415926535897931e-11);
        metrics.put("unbounded", Double.POSITIVE_INFINITY);
        metrics.put("undefined", Double.NaN);
        StepResult poisson = new StepResult("phi", "poisson", metrics, Map.of("wall", 0.123456789),
                List.of("phi.vti", "phi.png"));
        StepResult field = new StepResult("rho", "field", Map.of(), Map.of("wall", 1e-3), List.of());
        return new RunSummary("point-charge", scenario, 42L, "0.1.0-SNAPSHOT", "2026-11-27T23:00:00Z",
                new MachineInfo("17.0.15", "Debian", "Linux", "6.1", "amd64", 2, 3L << 30),
                List.of(field, poisson),
                List.of(ComparisonResult.judge("phi vs Coulomb", "l2", 1.0 / 3.0, 0.5),
                        ComparisonResult.judge("gauss", "relative", 0.2, 0.1)));
    }
}

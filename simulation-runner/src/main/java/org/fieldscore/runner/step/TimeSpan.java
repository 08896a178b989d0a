package org.fieldscore.runner.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.fieldscore.fields.SampledScalarField;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.ScenarioNode;

/**
 * The time stepping of an evolution problem: step Δt, end time T and the snapshot times kept as the result.
 * The solvers take n = ⌈T/Δt⌉ equal steps of T/n (never longer than Δt). Snapshots are given as a list of times
 * in [0, T] ({@code snapshots: [0, 0.1, 0.5]}) or as a count of evenly spaced times including 0 and T
 * ({@code snapshots: 5}); the end time is always kept. Each snapshot is the state at the first step at or after
 * its time. Immutable.
 *
 * @param timeStep Δt &gt; 0
 * @param endTime T &gt; 0
 * @param snapshots the times to keep, increasing, ending with T
 * @param timeStepNode where Δt is written (stability problems are reported there)
 */
record TimeSpan(double timeStep, double endTime, double[] snapshots, ScenarioNode timeStepNode) {

    static final List<String> KEYS = List.of("time-step", "end-time", "snapshots");

    static TimeSpan read(MapNode body) {
        ScenarioNode dtNode = body.require("time-step", "the time step dt > 0");
        double dt = dtNode.positive();
        double end = body.require("end-time", "the end time T > 0 (the run starts at t = 0)").positive();
        if (dt > end) {
            throw dtNode.problem("the time step " + dt + " is longer than the whole run (end-time " + end
                    + "); valid: 0 < dt <= end-time");
        }
        try {
            org.fieldscore.pde.StabilityLimits.stepCount(end, dt);
        } catch (org.fieldscore.fields.InvalidArgumentException e) {
            throw dtNode.problem(e.getMessage());
        }
        ScenarioNode s = body.get("snapshots");
        double[] times;
        if (s == null) {
            times = new double[] {0, end};
        } else if (s.isList()) {
            times = s.numbers();
            for (double t : times) {
                if (t < 0 || t > end) {
                    throw s.problem("snapshot time " + t + " lies outside the run [0, " + end + "]");
                }
            }
            Arrays.sort(times);
        } else {
            int n = s.integer(2, 10_000);
            times = new double[n];
            for (int i = 0; i < n; i++) {
                times[i] = end * i / (n - 1);
            }
        }
        if (times[times.length - 1] < end) {
            times = Arrays.copyOf(times, times.length + 1);
            times[times.length - 1] = end;
        }
        return new TimeSpan(dt, end, Arrays.stream(times).distinct().toArray(), dtNode);
    }

    /** @return the number of steps the solvers take */
    int steps() {
        return org.fieldscore.pde.StabilityLimits.stepCount(endTime, timeStep);
    }

    /** @return the step the solvers actually take, T/n ≤ Δt */
    double actualStep() {
        return endTime / steps();
    }

    /**
     * @return the steps whose states {@link Recorder#offer} keeps: for each snapshot time τ the first step m with
     *     m·Δt ≥ τ − Δt/2 (the actual step Δt), at most the last step
     */
    int[] snapshotSteps() {
        int n = steps();
        double dt = actualStep();
        return Arrays.stream(snapshots).mapToInt(t -> (int) Math.min(n, Math.max(0, Math.ceil((t - 0.5 * dt) / dt))))
                .distinct().toArray();
    }

    /** Collects the snapshots from a solver's observer calls. Not thread-safe; one per run. */
    final class Recorder {
        private final List<Double> times = new ArrayList<>();
        private final List<SampledScalarField> fields = new ArrayList<>();
        private int next;

        /**
         * @param time the state's time
         * @param field supplies the state (called only when it is kept)
         */
        void offer(double time, java.util.function.Supplier<SampledScalarField> field) {
            double half = 0.5 * actualStep();
            if (next < snapshots.length && time >= snapshots[next] - half) {
                times.add(time);
                fields.add(field.get());
                while (next < snapshots.length && time >= snapshots[next] - half) {
                    next++;
                }
            }
        }

        StepValue.TimeSeries series(String units) {
            return new StepValue.TimeSeries(times, fields, units);
        }
    }
}

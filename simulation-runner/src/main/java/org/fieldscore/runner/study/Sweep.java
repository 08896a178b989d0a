package org.fieldscore.runner.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.scenario.ScenarioCase;

/**
 * The cartesian product of sweep axes applied to a base case: one {@link ScenarioCase} per combination, the last
 * axis varying fastest. Every case carries the base case's overrides plus its own values, and the base seed, so it
 * is a self-contained unit of work that can run anywhere.
 */
public final class Sweep {

    /** Most cases one sweep may produce. */
    public static final int MAX_CASES = 10_000;

    private final List<SweepAxis> axes;

    /**
     * @param axes the axes, distinct parameters
     */
    public Sweep(List<SweepAxis> axes) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one parameter");
        }
        long count = 1;
        List<String> seen = new ArrayList<>();
        for (SweepAxis a : axes) {
            if (seen.contains(a.parameter())) {
                throw new IllegalArgumentException("parameter '" + a.parameter() + "' is swept twice");
            }
            seen.add(a.parameter());
            count *= a.values().size();
            if (count > MAX_CASES) {
                throw new IllegalArgumentException("the sweep has more than " + MAX_CASES + " cases; sweep fewer values");
            }
        }
        this.axes = List.copyOf(axes);
    }

    /** @return the axes */
    public List<SweepAxis> axes() {
        return axes;
    }

    /**
     * @param base the scenario case every combination starts from
     * @return the cases, each with an id {@code case-0001} … and its parameter values
     */
    public List<StudyCase> cases(ScenarioCase base) {
        List<StudyCase> cases = new ArrayList<>();
        int[] index = new int[axes.size()];
        int number = 0;
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            ScenarioCase c = base;
            for (int a = 0; a < axes.size(); a++) {
                String v = axes.get(a).values().get(index[a]);
                values.put(axes.get(a).parameter(), v);
                c = c.with(axes.get(a).parameter(), v);
            }
            cases.add(new StudyCase(String.format("case-%04d", ++number), values, c));
            int a = axes.size() - 1;
            while (a >= 0 && ++index[a] == axes.get(a).values().size()) {
                index[a] = 0;
                a--;
            }
            if (a < 0) {
                return cases;
            }
        }
    }
}

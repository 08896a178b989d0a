package org.fieldscore.runner.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.runner.scenario.ScenarioCase;
import org.fieldscore.runner.scenario.Sweep;
import org.fieldscore.runner.scenario.SweepAxis;

/**
 * One case of a study: an id, the swept values, and the complete scenario case (text, overrides, seed) it runs.
 * Serialisable, so a case can be shipped to another process or machine.
 *
 * @param id the case's folder name under {@code cases/}
 * @param values swept parameter → value
 * @param scenario the self-contained unit of work
 */
public record StudyCase(String id, Map<String, String> values, ScenarioCase scenario) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Copies the values. */
    public StudyCase {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The sweep's combinations applied to a base case, the last axis varying fastest. Every case carries the base
     * case's overrides plus its own values, and the base seed, so it is a self-contained unit of work that can run
     * anywhere.
     *
     * @param sweep the study's sweep
     * @param base the scenario case every combination starts from
     * @return the cases, each with an id {@code case-0001} … and its parameter values
     */
    public static List<StudyCase> all(Sweep sweep, ScenarioCase base) {
        List<SweepAxis> axes = sweep.axes();
        List<StudyCase> cases = new ArrayList<>();
        int[] index = new int[axes.size()];
        int number = 0;
        while (true) {
            Map<String, String> values = new LinkedHashMap<>();
            ScenarioCase c = base;
            for (int a = 0; a < axes.size(); a++) {
                String v = axes.get(a).values().get(index[a]);
                values.put(axes.get(a).parameter(), v);
                c = c.swept(axes.get(a).parameter(), v, sweep.origin(axes.get(a).parameter()));
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

package org.fieldscore.runner.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.expr.ExpressionException;
import org.fieldscore.runner.expr.ExpressionLanguage;
import org.fieldscore.runner.input.GridSpec;
import org.fieldscore.runner.input.InvalidScenarioException;
import org.fieldscore.runner.input.MapNode;
import org.fieldscore.runner.input.MemoryBudget;
import org.fieldscore.runner.input.Problem;
import org.fieldscore.runner.input.ProblemException;
import org.fieldscore.runner.input.ScenarioDocument;
import org.fieldscore.runner.input.ScenarioNode;
import org.fieldscore.runner.input.ScenarioText;
import org.fieldscore.runner.input.SourcePosition;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.PlanContext;
import org.fieldscore.runner.step.Reference;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.step.StepHeader;
import org.fieldscore.runner.step.StepReading;
import org.fieldscore.runner.step.StepTypes;
import org.fieldscore.runner.text.Suggestions;

/**
 * Reads and checks a scenario: everything that can be checked without computing is checked here, and all
 * problems found are reported together, each with file, line, column, key and what would be valid.
 *
 * <p>Order of reading: parameters (defaults, then overrides), grids, output options, steps; then references
 * (unknown ids, later steps, cycles); then each step's plan (kinds, grids, stability limits) and the memory the
 * whole run needs against the heap.
 */
public final class ScenarioReader {

    /** Top-level keys of a scenario. */
    public static final List<String> TOP_KEYS = List.of("name", "description", "seed", "parameters", "grids",
            "output", "steps", "study");
    private static final List<String> PARAMETER_KEYS = List.of("default", "description", "units", "min", "max");
    private static final List<String> OUTPUT_KEYS = List.of("report", "plots", "vtk", "csv");

    private ScenarioReader() {
    }

    /**
     * @param file a scenario file
     * @param overrides parameter overrides
     * @param seed a seed override, or null
     * @return the case
     * @throws InvalidScenarioException when the file is missing, unreadable or not text
     */
    public static ScenarioCase caseOf(Path file, Map<String, String> overrides, Long seed)
            throws InvalidScenarioException {
        String name = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidScenarioException(new Problem(new SourcePosition(name, 0, 0), "",
                        "is a folder; give a scenario file (.yaml)"));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidScenarioException(new Problem(new SourcePosition(name, 0, 0), "",
                    "no such file; give the path of a scenario file, or the name of a bundled scenario"
                            + " (see 'fieldscore examples')"));
        } catch (IOException | InvalidPathException e) {
            throw new InvalidScenarioException(new Problem(new SourcePosition(name, 0, 0), "",
                    "cannot be read: " + e.getMessage()));
        }
        String text = ScenarioText.decode(name, bytes);
        Path dir = file.toAbsolutePath().normalize().getParent();
        return new ScenarioCase(name, text, dir == null ? null : dir.toString(), overrides, seed);
    }

    static Scenario read(ScenarioCase source, byte[] bytes) throws InvalidScenarioException {
        ScenarioDocument doc = ScenarioDocument.parse(source.file(), bytes);
        ScenarioNode root = doc.root();
        MapNode top;
        try {
            top = root.map();
        } catch (ProblemException e) {
            throw new InvalidScenarioException(new Problem(e.problem().position(), "",
                    "a scenario is a mapping with keys " + String.join(", ", TOP_KEYS) + "; "
                            + e.problem().message()));
        }
        top.allow(TOP_KEYS);
        String name = doc.attempt(() -> top.require("name", "the scenario's name, e.g. 'tour'").identifier());
        String description = doc.attempt(() -> top.string("description", ""));
        Long seed = doc.attempt(() -> top.has("seed") ? top.get("seed").longValue() : 1L);
        Map<String, Double> parameters = doc.attempt(() -> parameters(top.get("parameters"), source, doc));
        if (parameters == null) {
            fail(doc);
            parameters = Map.of();
        }
        doc.useLanguage(new ExpressionLanguage(parameters));
        Map<String, Grid> grids = new LinkedHashMap<>();
        if (top.has("grids")) {
            MapNode g = doc.attempt(() -> top.get("grids").map());
            if (g != null) {
                for (String key : g.keys()) {
                    grids.put(key, doc.attempt(() -> GridSpec.read(g.require(key, "a grid mapping"))));
                }
            }
        }
        Map<String, OutputOptions.StepOutput> stepOutputs = new HashMap<>();
        Map<String, SourcePosition> invalidSteps = new HashMap<>();
        List<Step> steps = steps(top, new StepReading(grids, source.baseDirectory() == null ? null
                : Path.of(source.baseDirectory())), doc, stepOutputs, invalidSteps);
        OutputOptions output = doc.attempt(() -> output(top.get("output"), stepOutputs));
        checkReferences(steps, invalidSteps, doc);
        fail(doc);

        PlanContext plans = new PlanContext();
        long kept = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            Plan plan = doc.attempt(() -> {
                try {
                    return step.plan(plans);
                } catch (IllegalArgumentException e) {
                    throw step.header().problem("", e.getMessage());
                }
            });
            Step resolved = plan == null ? null : doc.attempt(() -> step.resolved(plans));
            if (resolved == null) {
                continue;
            }
            steps.set(i, resolved);
            plans.add(step.id(), plan);
            kept += plan.resultBytes();
            long needed = kept + plan.workspaceBytes();
            if (needed > MemoryBudget.available()) {
                doc.report(step.header().problem("", "the run needs about " + MemoryBudget.format(needed)
                        + " by the end of this step (fields kept so far plus its workspace) but the JVM may use"
                        + " only " + MemoryBudget.format(MemoryBudget.available()) + "; refused before allocating."
                        + " Valid: smaller grids, or a larger -Xmx").problem());
                break;
            }
        }
        Map<String, Double> knownParameters = parameters;
        java.util.Set<String> stepIds = new java.util.LinkedHashSet<>();
        steps.forEach(step -> stepIds.add(step.id()));
        StudyDeclaration study = top.has("study")
                ? doc.attempt(() -> StudyDeclaration.read(top.get("study"), knownParameters.keySet(), stepIds,
                        plans.plans())) : null;
        fail(doc);
        long finalSeed = source.seed() != null ? source.seed() : seed;
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) root.toTree();
        resolved.put("parameters", new LinkedHashMap<>(parameters));
        resolved.put("seed", finalSeed);
        Map<String, Grid> validGrids = new LinkedHashMap<>();
        grids.forEach((k, v) -> {
            if (v != null) {
                validGrids.put(k, v);
            }
        });
        return new Scenario(name, description, finalSeed, parameters, validGrids, steps, plans.plans(), output, source,
                resolved, study);
    }

    private static void fail(ScenarioDocument doc) throws InvalidScenarioException {
        if (!doc.problems().isEmpty()) {
            List<Problem> sorted = new ArrayList<>(doc.problems());
            sorted.sort(Comparator.comparingInt((Problem p) -> p.position().line())
                    .thenComparingInt(p -> p.position().column()));
            throw new InvalidScenarioException(sorted);
        }
    }

    private static Map<String, Double> parameters(ScenarioNode node, ScenarioCase source, ScenarioDocument doc) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> pending = new LinkedHashMap<>(source.overrides());
        if (node != null) {
            MapNode m = node.map();
            for (String key : m.keys()) {
                ScenarioNode value = m.require(key, "a default value, or {default: ..., description: ...}");
                String why = ExpressionLanguage.checkName(key);
                if (why != null || List.of("t", "x", "y", "z").contains(key)) {
                    throw value.problem("cannot name a parameter '" + key + "': "
                            + (why != null ? why : "it is a coordinate") + "; choose another name");
                }
                ScenarioNode defaultNode = value;
                Double min = null;
                Double max = null;
                if (value.isMap()) {
                    MapNode p = value.map().allow(PARAMETER_KEYS);
                    defaultNode = p.require("default", "the parameter's default value");
                    min = p.has("min") ? p.get("min").number() : null;
                    max = p.has("max") ? p.get("max").number() : null;
                }
                ExpressionLanguage earlier = new ExpressionLanguage(values);
                double v;
                String override = pending.remove(key);
                if (override != null) {
                    try {
                        v = earlier.evaluate(override);
                    } catch (ExpressionException e) {
                        throw overrideProblem(source, key, value, overrideText(source, key, override)
                                + " is not a number: " + e.getMessage().replaceFirst("\\.$", "") + "; valid: a number"
                                + " or an expression over constants and earlier parameters");
                    }
                } else {
                    doc.useLanguage(earlier);
                    v = defaultNode.number();
                }
                if ((min != null && v < min) || (max != null && v > max)) {
                    String range = "[" + (min == null ? "-inf" : min) + ", " + (max == null ? "inf" : max) + "]";
                    if (override == null) {
                        throw value.problem("parameter '" + key + "' = " + v + " is outside its valid range " + range
                                + "; valid: a value in that range");
                    }
                    throw overrideProblem(source, key, value, overrideText(source, key, override) + " gives "
                            + key + " = " + v + ", outside the valid range " + range + " of parameter '" + key
                            + "' (declared at line " + value.position().line() + "); valid: values in that range");
                }
                values.put(key, v);
            }
        }
        if (!pending.isEmpty()) {
            String unknown = pending.keySet().iterator().next();
            SourcePosition where = node != null ? node.position() : SourcePosition.startOf(source.file());
            throw new ProblemException(new Problem(where, "parameters", "--set " + unknown + "=" + pending.get(unknown)
                    + ": the scenario has no parameter '" + unknown + "'."
                    + Suggestions.didYouMean(unknown, values.keySet())
                    + (values.isEmpty() ? " It declares no parameters." : " Its parameters: "
                            + String.join(", ", values.keySet()) + ".")));
        }
        return values;
    }

    /** @return "--set n=3" or "the study's sweep value n: 3" */
    private static String overrideText(ScenarioCase source, String key, String value) {
        return source.originOf(key) == null ? "--set " + key + "=" + value
                : "the study's sweep value " + key + ": " + value;
    }

    /**
     * @return a problem at the study sweep's key of the parameter when the value came from there, else at the
     *     parameter's declaration (a {@code --set} value has no line of its own)
     */
    private static ProblemException overrideProblem(ScenarioCase source, String key, ScenarioNode declaration,
            String message) {
        SourcePosition origin = source.originOf(key);
        return origin == null ? declaration.problem(message)
                : new ProblemException(new Problem(origin, "study.sweep." + key, message));
    }

    private static List<Step> steps(MapNode top, StepReading reading, ScenarioDocument doc,
            Map<String, OutputOptions.StepOutput> outputs, Map<String, SourcePosition> invalid) {
        List<ScenarioNode> items = doc.attempt(() -> {
            List<ScenarioNode> list = top.require("steps", "a list of steps, each with 'id' and 'type'").list();
            if (list.isEmpty()) {
                throw top.get("steps").problem("the scenario has no steps; give at least one");
            }
            return list;
        });
        List<Step> steps = new ArrayList<>();
        if (items == null) {
            return steps;
        }
        Map<String, ScenarioNode> ids = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ScenarioNode item = items.get(i);
            String[] readId = new String[1];
            Step step = doc.attempt(() -> {
                MapNode m = item.map();
                ScenarioNode idNode = m.require("id", "a unique name for the step, e.g. 'temperature'");
                String id = idNode.identifier();
                ScenarioNode first = ids.putIfAbsent(id, idNode);
                if (first != null) {
                    throw idNode.problem("duplicate step id '" + id + "' (first used at line "
                            + first.position().line() + "); step ids must be unique");
                }
                readId[0] = id;
                String type = m.require("type", "one of " + String.join(", ", StepTypes.names()))
                        .choice(StepTypes.names());
                StepHeader header = new StepHeader(id, type, item.position(), item.path(), m.keyPositions());
                outputs.put(id, stepOutput(m, id));
                try {
                    return StepTypes.read(header, m, reading);
                } catch (IllegalArgumentException e) {
                    // a library refused a value the reader let through: still invalid input, reported at the step
                    throw header.problem("", e.getMessage());
                }
            });
            if (step != null) {
                steps.add(step);
            } else if (readId[0] != null) {
                invalid.put(readId[0], item.position());
            }
        }
        return steps;
    }

    private static OutputOptions.StepOutput stepOutput(MapNode m, String id) {
        String file = id;
        if (m.has("output")) {
            file = confined(m.get("output"));
        }
        return new OutputOptions.StepOutput(m.bool("save", true), file, m.string("title", id));
    }

    private static OutputOptions output(ScenarioNode node, Map<String, OutputOptions.StepOutput> steps) {
        if (node == null) {
            return new OutputOptions(true, true, true, true, steps);
        }
        MapNode m = node.map().allow(OUTPUT_KEYS);
        return new OutputOptions(m.bool("report", true), m.bool("plots", true), m.bool("vtk", true),
                m.bool("csv", true), steps);
    }

    /**
     * @param node a path inside the output folder
     * @return the normalised relative path with '/' separators
     */
    static String confined(ScenarioNode node) {
        String text = node.string();
        Path p;
        try {
            p = Path.of(text).normalize();
        } catch (InvalidPathException e) {
            throw node.problem("'" + text + "' is not a valid path: " + e.getReason());
        }
        if (text.isBlank() || p.isAbsolute() || text.startsWith("/") || text.startsWith("\\") || text.contains(":")
                || p.startsWith("..") || p.toString().isEmpty()) {
            throw node.problem("the output path '" + text + "' escapes the output folder; valid: a relative path"
                    + " inside it without '..', e.g. 'fields/temperature'");
        }
        return p.toString().replace('\\', '/');
    }

    private static void checkReferences(List<Step> steps, Map<String, SourcePosition> invalid,
            ScenarioDocument doc) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Step> byId = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            index.put(steps.get(i).id(), i);
            byId.put(steps.get(i).id(), steps.get(i));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            for (Reference r : step.references()) {
                Integer j = index.get(r.id());
                if (j == null && invalid.containsKey(r.id())) {
                    doc.report(r.problem("refers to step '" + r.id() + "', which is invalid (declared at line "
                            + invalid.get(r.id()).line() + "; see its own error); this reference is checked once"
                            + " that step is valid").problem());
                } else if (j == null) {
                    doc.report(r.problem("refers to step '" + r.id() + "', which does not exist."
                            + Suggestions.didYouMean(r.id(), index.keySet()) + " Steps before this one: "
                            + (i == 0 ? "(none)" : String.join(", ", steps.subList(0, i).stream().map(Step::id)
                                    .toList())) + ".").problem());
                } else if (j >= i) {
                    List<String> cycle = cycle(step.id(), r.id(), byId);
                    if (cycle != null) {
                        doc.report(r.problem("reference cycle: " + String.join(" -> ", cycle)
                                + "; a step may use only the results of steps before it").problem());
                    } else {
                        doc.report(r.problem("refers to step '" + r.id() + "', which comes later (line "
                                + steps.get(j).position().line() + "); steps may use only earlier steps: move '"
                                + r.id() + "' above '" + step.id() + "'").problem());
                    }
                }
            }
        }
    }

    /** @return the path from → to → … → from if following references from 'to' leads back to 'from' */
    private static List<String> cycle(String from, String to, Map<String, Step> byId) {
        List<String> path = new ArrayList<>();
        path.add(from);
        return search(to, from, byId, path, new java.util.HashSet<>()) ? path : null;
    }

    private static boolean search(String current, String target, Map<String, Step> byId, List<String> path,
            java.util.Set<String> seen) {
        path.add(current);
        if (current.equals(target)) {
            return true;
        }
        if (seen.add(current) && byId.containsKey(current)) {
            for (Reference r : byId.get(current).references()) {
                if (search(r.id(), target, byId, path, seen)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}

package org.fieldscore.runner.cli;

import java.io.PrintWriter;
import java.util.Map;

import org.fieldscore.fields.grid.Grid;
import org.fieldscore.runner.input.MemoryBudget;
import org.fieldscore.runner.scenario.Scenario;
import org.fieldscore.runner.step.Plan;
import org.fieldscore.runner.step.Step;
import org.fieldscore.runner.text.NumberText;

import picocli.CommandLine.Command;

/** {@code fieldscore describe}: what a scenario would compute, on which grids, with what memory and work. */
@Command(name = "describe", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show what a scenario would compute, and what it would cost.",
            "Lists the parameters, the grids, and each step with its grid size, memory and estimated work."
                    + " Nothing is computed."})
final class DescribeCommand extends ScenarioCommand {

    @Override
    int execute(Scenario s) {
        PrintWriter out = out();
        out.printf("scenario %s (seed %d)%n", s.name(), s.seed());
        if (!s.description().isEmpty()) {
            out.println("  " + s.description().strip().replace("\n", "\n  "));
        }
        if (!s.parameters().isEmpty()) {
            out.println("parameters:");
            for (Map.Entry<String, Double> p : s.parameters().entrySet()) {
                out.printf("  %-20s %s%n", p.getKey(), NumberText.plain(p.getValue()));
            }
        }
        if (!s.grids().isEmpty()) {
            out.println("grids:");
            for (Map.Entry<String, Grid> g : s.grids().entrySet()) {
                out.printf("  %-20s %d points: %s%n", g.getKey(), g.getValue().pointCount(),
                        NumberText.plainNumbers(g.getValue().toString()));
            }
        }
        out.println("steps:");
        for (Step step : s.steps()) {
            Plan p = s.plans().get(step.id());
            out.printf("  %-20s %-15s %s%n", step.id(), step.type(), NumberText.plainNumbers(p.summary()));
            if (p.grid() != null) {
                out.printf("  %-20s %-15s %d points x %d, keeps %s, %.3g operations%n", "", "",
                        p.grid().pointCount(), p.components(), MemoryBudget.format(p.resultBytes()), p.work());
            }
        }
        out.printf("estimated memory %s (the JVM may use %s), estimated work %.3g operations%n",
                MemoryBudget.format(s.estimatedBytes()), MemoryBudget.format(MemoryBudget.available()),
                s.estimatedWork());
        out.flush();
        return ExitCodes.SUCCESS;
    }
}

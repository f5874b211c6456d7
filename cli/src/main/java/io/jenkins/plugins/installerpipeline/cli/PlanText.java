package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.plan.Orchestration;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedDependency;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.PlannedTrigger;
import io.jenkins.plugins.installerpipeline.plan.ReleaseUploads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan as a person reads it in a terminal: one line per step, grouped by stage, excluded steps after them, and
 * last the steps that upload to the GitHub Release, so what lands on the Release page shows before a tag is pushed.
 */
final class PlanText {

    private PlanText() {}

    static String render(Orchestration orchestration, String title) {
        StringBuilder out = new StringBuilder();
        Plan plan = orchestration.pipeline();
        out.append(title).append('\n');
        List<List<String>> layers = plan.layers();
        // What each planned child pipeline does, said once per pipeline however many triggers start it.
        Map<String, String> childSummaries = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            out.append("\nStage ").append(i + 1).append(layers.get(i).size() > 1 ? " (in parallel)" : "").append('\n');
            for (String key : layers.get(i)) {
                PlannedStep step = plan.step(key).orElseThrow();
                out.append("  ").append(line(step)).append('\n');
                step.notes().forEach(n -> out.append("      note: ").append(n).append('\n'));
                step.trigger().ifPresent(t -> trigger(out, t, orchestration, childSummaries));
            }
        }
        List<PlannedStep> excluded = plan.steps().stream().filter(s -> !s.included()).toList();
        if (!excluded.isEmpty()) {
            out.append("\nNot in this build\n");
            for (PlannedStep step : excluded) {
                out.append("  ").append(line(step)).append("  -- ").append(step.reason().orElse("")).append('\n');
            }
        }
        releaseUploads(out, orchestration);
        return out.toString();
    }

    /** Every step that uploads to the release, in this pipeline and the planned triggered ones, with its {@code if}. */
    private static void releaseUploads(StringBuilder out, Orchestration orchestration) {
        out.append("\nRelease uploads (what lands on the GitHub Release page)\n");
        List<String> lines = new ArrayList<>();
        uploads(lines, "", orchestration.pipeline());
        orchestration.triggered().forEach((slug, child) -> uploads(lines, slug + ": ", child));
        if (lines.isEmpty()) {
            lines.add("none: no step's label or commands name a release upload");
        }
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }

    private static void uploads(List<String> lines, String pipeline, Plan plan) {
        for (PlannedStep step : ReleaseUploads.in(plan)) {
            StringBuilder line = new StringBuilder(pipeline).append(step.key());
            step.label().filter(l -> !l.equals(step.key())).ifPresent(l -> line.append("  \"").append(l).append('"'));
            String reason = step.reason().orElse("");
            // When the if is why the step is left out, the reason says it already.
            step.step().common().condition().filter(c -> !reason.startsWith("if: "))
                    .ifPresent(c -> line.append("  if: ").append(c.expression()));
            line.append("  -- ").append(step.included() ? "runs in this build" : "not in this build: " + reason);
            lines.add(line.toString());
        }
    }

    private static String line(PlannedStep step) {
        // As String.format("%-8s %s", type, key), without a Formatter per step.
        String type = step.type();
        StringBuilder line = new StringBuilder(type);
        for (int i = type.length(); i < 8; i++) {
            line.append(' ');
        }
        line.append(' ').append(step.key());
        step.label().filter(l -> !l.equals(step.key())).ifPresent(l -> line.append("  \"").append(l).append('"'));
        if (step.isApprovalGate()) {
            line.append("  [approval gate: waits for a person]");
        }
        step.trigger().ifPresent(t -> line.append("  -> ").append(t.pipeline()).append(t.async() ? " (async)" : ""));
        List<PlannedDependency> deps = step.dependsOn();
        if (!deps.isEmpty()) {
            line.append("  after ").append(deps.stream()
                    .map(d -> d.key() + (d.allowFailure() ? " (even if it fails)" : ""))
                    .collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static void trigger(StringBuilder out, PlannedTrigger trigger, Orchestration orchestration,
                                Map<String, String> childSummaries) {
        Plan child = orchestration.triggered().get(trigger.pipeline());
        trigger.message().ifPresent(m -> out.append("      message: ").append(shown(firstLine(m))).append('\n'));
        trigger.commit().ifPresent(c -> out.append("      commit: ").append(c).append('\n'));
        trigger.branch().ifPresent(b -> out.append("      branch: ").append(b).append('\n'));
        for (Map.Entry<String, String> e : trigger.env().entrySet()) {
            out.append("      env ").append(e.getKey()).append('=').append(shown(e.getValue())).append('\n');
        }
        for (Map.Entry<String, String> e : trigger.metaData().entrySet()) {
            out.append("      meta-data ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        if (child != null) {
            out.append("      ").append(trigger.pipeline()).append(": ")
                    .append(childSummaries.computeIfAbsent(trigger.pipeline(), slug -> childSummary(child)))
                    .append('\n');
        }
        String notPlanned = orchestration.notPlanned().get(trigger.pipeline());
        if (notPlanned != null) {
            out.append("      ").append(trigger.pipeline()).append(": not planned: ").append(notPlanned).append('\n');
        }
    }

    /** A triggered pipeline's approval gates and how many steps it runs. */
    private static String childSummary(Plan child) {
        List<String> gates = new ArrayList<>();
        long runs = 0;
        for (PlannedStep step : child.steps()) {
            if (step.isApprovalGate()) {
                gates.add("stops at \"" + step.label().orElse(step.key()) + "\" until a person approves");
            } else if (step.included()) {
                runs++;
            }
        }
        return (gates.isEmpty() ? "builds at once, no approval gate" : String.join("; ", gates))
                + " (" + runs + (runs == 1 ? " step" : " steps") + " to run)";
    }

    /** An empty value is shown as "" so a person sees that it is empty rather than missing. */
    private static String shown(String value) {
        return value.isEmpty() ? "\"\"" : value;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " ...";
    }
}

package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.plan.Orchestration;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedDependency;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.PlannedTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The plan as a person reads it in a terminal: one line per step, grouped by stage, excluded steps at the end. */
final class PlanText {

    private PlanText() {}

    static String render(Orchestration orchestration, BuildContext build) {
        StringBuilder out = new StringBuilder();
        Plan plan = orchestration.pipeline();
        out.append("Plan for ").append(plan.file()).append(" (").append(describe(build)).append(")\n");
        List<List<String>> layers = plan.layers();
        for (int i = 0; i < layers.size(); i++) {
            out.append("\nStage ").append(i + 1).append(layers.get(i).size() > 1 ? " (in parallel)" : "").append('\n');
            for (String key : layers.get(i)) {
                PlannedStep step = plan.step(key).orElseThrow();
                out.append("  ").append(line(step)).append('\n');
                step.notes().forEach(n -> out.append("      note: ").append(n).append('\n'));
                step.trigger().ifPresent(t -> trigger(out, t, orchestration.triggered().get(t.pipeline())));
            }
        }
        List<PlannedStep> excluded = plan.steps().stream().filter(s -> !s.included()).toList();
        if (!excluded.isEmpty()) {
            out.append("\nNot in this build\n");
            for (PlannedStep step : excluded) {
                out.append("  ").append(line(step)).append("  -- ").append(step.reason().orElse("")).append('\n');
            }
        }
        return out.toString();
    }

    private static String line(PlannedStep step) {
        StringBuilder line = new StringBuilder(String.format("%-8s %s", step.type(), step.key()));
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

    private static void trigger(StringBuilder out, PlannedTrigger trigger, Plan child) {
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
            List<String> gates = new ArrayList<>();
            for (PlannedStep step : child.steps()) {
                if (step.isApprovalGate()) {
                    gates.add("stops at \"" + step.label().orElse(step.key()) + "\" until a person approves");
                }
            }
            long runs = child.steps().stream().filter(s -> s.included() && !s.isApprovalGate()).count();
            out.append("      ").append(trigger.pipeline()).append(": ")
                    .append(gates.isEmpty() ? "builds at once, no approval gate" : String.join("; ", gates))
                    .append(" (").append(runs).append(runs == 1 ? " step" : " steps").append(" to run)\n");
        }
    }

    private static String describe(BuildContext build) {
        List<String> parts = new ArrayList<>();
        build.tag().ifPresent(t -> parts.add("tag " + t));
        build.pullRequest().ifPresent(pr -> parts.add("pull request " + pr.id()));
        build.branch().ifPresent(b -> parts.add("branch " + b));
        build.source().ifPresent(s -> parts.add("source " + s.value()));
        return parts.isEmpty() ? "no tag, no branch" : String.join(", ", parts);
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

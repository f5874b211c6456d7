package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.plan.Orchestration;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedDependency;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's dependency graph for documents and pull requests: Graphviz {@code dot} or Mermaid. Included steps are
 * drawn with their edges; excluded steps are drawn apart, greyed, with their reason. Triggered pipelines that were
 * planned too are drawn as their own boxes, linked from their trigger.
 */
final class PlanGraph {

    private PlanGraph() {}

    static String dot(Orchestration orchestration, String title) {
        StringBuilder out = new StringBuilder("digraph plan {\n  rankdir=LR;\n  label=\"" + escape(title)
                + "\";\n  labelloc=t;\n  fontname=\"Helvetica\";\n  node [shape=box, fontname=\"Helvetica\"];\n");
        Ids ids = new Ids();
        dotPlan(out, orchestration.pipeline(), orchestration.notPlanned(), "", ids, "  ");
        orchestration.triggered().forEach((slug, child) -> {
            out.append("  subgraph \"cluster_").append(escape(slug)).append("\" {\n    label=\"")
                    .append(escape(slug)).append("\";\n");
            dotPlan(out, child, Map.of(), slug + "/", ids, "    ");
            out.append("  }\n");
        });
        for (PlannedStep step : orchestration.pipeline().includedTriggers()) {
            Plan child = orchestration.triggered().get(step.trigger().orElseThrow().pipeline());
            if (child != null && !child.layers().isEmpty()) {
                String first = child.layers().get(0).get(0);
                out.append("  ").append(ids.of(step.key())).append(" -> ")
                        .append(ids.of(step.trigger().orElseThrow().pipeline() + "/" + first))
                        .append(" [style=bold, color=\"#1f6feb\"];\n");
            }
        }
        return out.append("}\n").toString();
    }

    private static void dotPlan(StringBuilder out, Plan plan, Map<String, String> notPlanned, String prefix, Ids ids,
                                String indent) {
        for (PlannedStep step : plan.steps()) {
            if (step.included() && !step.type().equals("group")) {
                out.append(indent).append(ids.of(prefix + step.key())).append(" [label=\"").append(escape(label(step, notPlanned)))
                        .append('"').append(step.isApprovalGate() ? ", shape=hexagon, style=filled, fillcolor=\"#fff3b0\"" : "")
                        .append("];\n");
            }
        }
        StringBuilder excluded = new StringBuilder();
        for (PlannedStep step : plan.steps()) {
            if (!step.included()) {
                excluded.append(indent).append("  ").append(ids.of(prefix + step.key())).append(" [label=\"")
                        .append(escape(label(step) + "\n" + step.reason().orElse(""))).append("\"];\n");
            }
        }
        if (excluded.length() > 0) {
            out.append(indent).append("subgraph \"cluster_excluded_").append(escape(prefix)).append("\" {\n")
                    .append(indent).append("  label=\"not in this build\"; style=dashed; color=grey;\n")
                    .append(indent).append("  node [color=grey, fontcolor=grey, style=dashed];\n")
                    .append(excluded).append(indent).append("}\n");
        }
        Map<String, List<String>> members = groupMembers(plan);
        for (PlannedStep step : plan.steps()) {
            for (PlannedDependency dep : step.dependsOn()) {
                for (String from : expand(plan, members, dep.key())) {
                    out.append(indent).append(ids.of(prefix + from)).append(" -> ").append(ids.of(prefix + step.key()))
                            .append(dep.allowFailure() ? " [style=dashed]" : "").append(";\n");
                }
            }
        }
    }

    static String mermaid(Orchestration orchestration, String title) {
        // Mermaid's front matter: GitHub and the Mermaid tools draw the title above the chart.
        StringBuilder out = new StringBuilder("---\ntitle: \"" + title.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"\n---\nflowchart LR\n");
        Ids ids = new Ids();
        mermaidPlan(out, orchestration.pipeline(), orchestration.notPlanned(), "", ids, "  ");
        orchestration.triggered().forEach((slug, child) -> {
            out.append("  subgraph ").append(ids.of("cluster:" + slug)).append("[\"").append(mermaidText(slug)).append("\"]\n");
            mermaidPlan(out, child, Map.of(), slug + "/", ids, "    ");
            out.append("  end\n");
        });
        for (PlannedStep step : orchestration.pipeline().includedTriggers()) {
            Plan child = orchestration.triggered().get(step.trigger().orElseThrow().pipeline());
            if (child != null && !child.layers().isEmpty()) {
                out.append("  ").append(ids.of(step.key())).append(" ==> ")
                        .append(ids.of(step.trigger().orElseThrow().pipeline() + "/" + child.layers().get(0).get(0)))
                        .append('\n');
            }
        }
        out.append("  classDef excluded stroke-dasharray: 5 5,color:#888,stroke:#888;\n")
                .append("  classDef gate fill:#fff3b0,stroke:#b08800;\n");
        return out.toString();
    }

    private static void mermaidPlan(StringBuilder out, Plan plan, Map<String, String> notPlanned, String prefix,
                                    Ids ids, String indent) {
        for (PlannedStep step : plan.steps()) {
            if (step.included() && !step.type().equals("group")) {
                String id = ids.of(prefix + step.key());
                String text = mermaidText(label(step, notPlanned));
                out.append(indent).append(id).append(step.isApprovalGate() ? "{{\"" + text + "\"}}:::gate" : "[\"" + text + "\"]")
                        .append('\n');
            }
        }
        boolean anyExcluded = plan.steps().stream().anyMatch(s -> !s.included());
        if (anyExcluded) {
            out.append(indent).append("subgraph ").append(ids.of("excluded:" + prefix)).append("[\"not in this build\"]\n");
            for (PlannedStep step : plan.steps()) {
                if (!step.included()) {
                    out.append(indent).append("  ").append(ids.of(prefix + step.key())).append("[\"")
                            .append(mermaidText(label(step) + " — " + step.reason().orElse(""))).append("\"]:::excluded\n");
                }
            }
            out.append(indent).append("end\n");
        }
        Map<String, List<String>> members = groupMembers(plan);
        for (PlannedStep step : plan.steps()) {
            for (PlannedDependency dep : step.dependsOn()) {
                for (String from : expand(plan, members, dep.key())) {
                    out.append(indent).append(ids.of(prefix + from)).append(dep.allowFailure() ? " -.-> " : " --> ")
                            .append(ids.of(prefix + step.key())).append('\n');
                }
            }
        }
    }

    /** A dependency on a group is drawn from each of the group's included steps ({@link #groupMembers}). */
    private static List<String> expand(Plan plan, Map<String, List<String>> members, String key) {
        PlannedStep target = plan.step(key).orElseThrow();
        if (!target.type().equals("group")) {
            return List.of(key);
        }
        return members.getOrDefault(key, List.of());
    }

    /** The keys of each group's included steps, in document order: one pass, however many edges name groups. */
    private static Map<String, List<String>> groupMembers(Plan plan) {
        Map<String, List<String>> members = new HashMap<>();
        for (PlannedStep step : plan.steps()) {
            if (step.included() && step.group().isPresent()) {
                members.computeIfAbsent(step.group().get(), g -> new ArrayList<>()).add(step.key());
            }
        }
        return members;
    }

    private static String label(PlannedStep step) {
        String name = step.label().orElse(step.key());
        return step.trigger().map(t -> name + "\n→ " + t.pipeline()).orElse(step.type().equals("command") ? name : step.type() + ": " + name);
    }

    /** A trigger whose pipeline was asked for but not found says so in its box. */
    private static String label(PlannedStep step, Map<String, String> notPlanned) {
        String reason = step.trigger().map(t -> notPlanned.get(t.pipeline())).orElse(null);
        return label(step) + (reason == null ? "" : "\n(not planned: " + reason + ")");
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String mermaidText(String text) {
        return text.replace("\"", "#quot;").replace("\n", "<br/>");
    }

    /** Short node ids, since keys may hold characters neither format accepts in an id. */
    private static final class Ids {
        private final Map<String, String> ids = new HashMap<>();

        String of(String key) {
            return ids.computeIfAbsent(key, k -> "n" + ids.size());
        }
    }
}

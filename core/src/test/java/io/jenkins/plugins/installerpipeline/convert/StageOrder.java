package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedDependency;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether the stages of a converted Jenkinsfile keep every ordering of the plan: for each step and each step it waits
 * for (through {@code wait} barriers and groups, as the planner connects them), the dependency runs in an earlier
 * stage, or both are triggers of one {@code triggerInstallers} call and the dependant names the dependency in
 * {@code dependsOn}. Computed here from the plan's own dependency lists, independently of {@link StageLayout}.
 */
final class StageOrder {

    private StageOrder() {}

    /** Each ordering the conversion of {@code yaml} breaks, as a sentence; empty when it keeps them all. */
    static List<String> violations(String yaml, ConvertOptions options) {
        ReadResult read = DefinitionReader.read("pipeline.yml", yaml, Planner.validationOptions());
        if (read.definition().isEmpty()) {
            return List.of();
        }
        Plan plan = Planner.plan(JenkinsfileConverter.unconditional(read.definition().get()), BuildContext.empty())
                .plan().orElseThrow();
        ConvertedPipeline pipeline = JenkinsfileConverter.model("pipeline.yml", yaml, options).pipeline().orElseThrow();
        StageLayout layout = StageLayout.of(plan);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> position = new HashMap<>();
        Map<String, StageLayout.TriggerCall> callOf = new HashMap<>();
        for (int i = 0; i < layout.slots().size(); i++) {
            List<String> layoutKeys = layout.slots().get(i).stream().flatMap(s -> s.keys().stream()).toList();
            List<String> stageKeys = i < pipeline.layers().size()
                    ? pipeline.layers().get(i).stream().flatMap(s -> s.keys().stream()).toList() : List.of();
            if (!layoutKeys.equals(stageKeys)) {
                problems.add("stage " + i + " runs " + stageKeys + ", the layout says " + layoutKeys);
            }
            for (StageLayout.Slot slot : layout.slots().get(i)) {
                for (String key : slot.keys()) {
                    if (position.put(key, i) != null) {
                        problems.add(key + " runs in two stages");
                    }
                    if (slot instanceof StageLayout.TriggerCall call) {
                        callOf.put(key, call);
                    }
                }
            }
        }
        if (pipeline.layers().size() != layout.slots().size()) {
            problems.add(pipeline.layers().size() + " stages, the layout has " + layout.slots().size());
        }
        Map<String, PlannedStep> byKey = new HashMap<>();
        plan.steps().forEach(s -> byKey.put(s.key(), s));
        for (PlannedStep step : plan.steps()) {
            if (step.type().equals("wait") || step.type().equals("group")) {
                continue;
            }
            Integer at = position.get(step.key());
            if (at == null) {
                problems.add(step.key() + " runs in no stage");
                continue;
            }
            for (String dependency : waitedFor(step, byKey)) {
                StageLayout.TriggerCall call = callOf.get(step.key());
                boolean sameCall = call != null && call == callOf.get(dependency);
                if (sameCall) {
                    boolean named = call.dependsOn().getOrDefault(step.key(), List.of()).stream()
                            .anyMatch(d -> d.key().equals(dependency));
                    if (!named) {
                        problems.add(step.key() + " shares a triggerInstallers call with " + dependency
                                + " without dependsOn");
                    }
                } else if (position.getOrDefault(dependency, Integer.MAX_VALUE) >= at) {
                    problems.add(step.key() + " (stage " + at + ") does not run after " + dependency + " (stage "
                            + position.get(dependency) + ")");
                }
            }
        }
        return problems;
    }

    /** The steps a step waits for, with {@code wait} steps and groups replaced by what they stand for. */
    private static Set<String> waitedFor(PlannedStep step, Map<String, PlannedStep> byKey) {
        Set<String> out = new LinkedHashSet<>();
        for (PlannedDependency dependency : step.dependsOn()) {
            add(dependency.key(), byKey, out);
        }
        return out;
    }

    private static void add(String key, Map<String, PlannedStep> byKey, Set<String> out) {
        PlannedStep target = byKey.get(key);
        if (target.type().equals("wait")) {
            out.addAll(waitedFor(target, byKey));
        } else if (target.type().equals("group")) {
            byKey.values().stream().filter(s -> s.group().filter(key::equals).isPresent())
                    .forEach(s -> add(s.key(), byKey, out));
        } else {
            out.add(key);
        }
    }
}

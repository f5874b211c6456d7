package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedDependency;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.TriggerDependency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which Jenkins stage runs each step, derived from the planner's dependency layers (the order {@code plan} prints),
 * so that every {@code depends_on}, {@code wait} and {@code block} barrier holds in the Jenkinsfile:
 * <ul>
 *   <li>each layer becomes one slot of stages, run in {@code parallel} when it holds several; a {@code wait} has no
 *       stage of its own (the steps after it are in later layers);</li>
 *   <li>the triggers of one layer become one {@code triggerInstallers} call;</li>
 *   <li>a trigger whose dependencies are all triggers of one earlier call, or steps of slots before that call, joins
 *       that call with {@code dependsOn}: the plugin then starts it once those builds pass (succeeded, or paused at
 *       their gate), as Buildkite does, which a later stage cannot (a stage after a call starts once the call has
 *       returned, when the builds are merely running);</li>
 *   <li>a step that still waits for a non-{@code async} trigger of an earlier call is listed in {@link #waits}: Jenkins
 *       orders it after that call, but not after that trigger's build has finished, so the converter warns.</li>
 * </ul>
 *
 * @param slots the stages in order; the slots of one list run in parallel
 * @param waits steps that wait for the builds of triggers started by an earlier call
 */
record StageLayout(List<List<Slot>> slots, List<TriggerWait> waits) {

    StageLayout {
        slots = slots.stream().map(List::copyOf).toList();
        waits = List.copyOf(waits);
    }

    /** What one stage runs. */
    sealed interface Slot {
        /** The plan keys of the steps this stage runs. */
        List<String> keys();
    }

    /** One command, block or input step. */
    record StepSlot(String key) implements Slot {
        StepSlot {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public List<String> keys() {
            return List.of(key);
        }
    }

    /**
     * One {@code triggerInstallers} call.
     *
     * @param triggers  the trigger steps' keys, in layer order
     * @param dependsOn for each trigger, the triggers of this call it waits for (empty lists left out)
     */
    record TriggerCall(List<String> triggers, Map<String, List<TriggerDependency>> dependsOn) implements Slot {
        TriggerCall {
            triggers = List.copyOf(triggers);
            Map<String, List<TriggerDependency>> copy = new LinkedHashMap<>();
            dependsOn.forEach((k, v) -> copy.put(k, List.copyOf(v)));
            dependsOn = java.util.Collections.unmodifiableMap(copy);
        }

        @Override
        public List<String> keys() {
            return triggers;
        }
    }

    /**
     * A step that waits for triggers an earlier {@code triggerInstallers} call started.
     *
     * @param key      the waiting step
     * @param triggers the non-{@code async} triggers it waits for, in plan order
     */
    record TriggerWait(String key, List<String> triggers) {
        TriggerWait {
            Objects.requireNonNull(key, "key");
            triggers = List.copyOf(triggers);
        }
    }

    /** The layout of a plan in which every step is included (the converter plans without conditions). */
    static StageLayout of(Plan plan) {
        return new Layout(plan).run();
    }

    /** One layout run. */
    private static final class Layout {
        private final Plan plan;
        private final Map<String, List<String>> members = new HashMap<>();
        private final Map<String, Set<String>> effective = new HashMap<>();
        /** The slot index of every step placed so far (a trigger: that of its call). */
        private final Map<String, Integer> slotOf = new HashMap<>();
        private final Map<String, CallBuilder> callOf = new HashMap<>();
        /** Every included trigger's trigger dependencies, asked of the plan once (one pass, not one walk a trigger). */
        private Map<String, List<TriggerDependency>> triggerDependencies;

        Layout(Plan plan) {
            this.plan = plan;
            for (PlannedStep step : plan.steps()) {
                step.group().ifPresent(g -> members.computeIfAbsent(g, k -> new ArrayList<>()).add(step.key()));
            }
        }

        /** A step of the plan, by a key the plan gave (the plan indexes its keys). */
        private PlannedStep step(String key) {
            return plan.step(key).orElseThrow();
        }

        StageLayout run() {
            List<List<Object>> slots = new ArrayList<>();
            for (List<String> layer : plan.layers()) {
                int index = slots.size();
                List<Object> slot = new ArrayList<>();
                CallBuilder layerCall = null;
                for (String key : layer) {
                    PlannedStep step = step(key);
                    if (step.type().equals("wait")) {
                        continue;
                    }
                    if (step.trigger().isEmpty()) {
                        slot.add(new StepSlot(key));
                        slotOf.put(key, index);
                        continue;
                    }
                    CallBuilder earlier = earlierCall(key);
                    CallBuilder call = earlier;
                    if (call == null) {
                        if (layerCall == null) {
                            layerCall = new CallBuilder(index);
                            slot.add(layerCall);
                        }
                        call = layerCall;
                    }
                    call.triggers.add(key);
                    callOf.put(key, call);
                    slotOf.put(key, call.slot);
                }
                if (!slot.isEmpty()) {
                    slots.add(slot);
                }
            }
            List<List<Slot>> built = slots.stream()
                    .map(s -> s.stream().map(o -> o instanceof CallBuilder c ? c.build() : (Slot) o).toList())
                    .toList();
            return new StageLayout(built, waits());
        }

        /**
         * The earlier call a trigger can join: one call holds every trigger it depends on, and everything else it
         * depends on runs in slots before that call. Null when there is none.
         */
        private CallBuilder earlierCall(String key) {
            CallBuilder call = null;
            List<String> others = new ArrayList<>();
            for (String dependency : effective(key)) {
                CallBuilder holder = callOf.get(dependency);
                if (holder == null) {
                    others.add(dependency);
                } else if (call == null || call == holder) {
                    call = holder;
                } else {
                    return null;
                }
            }
            if (call == null) {
                return null;
            }
            for (String other : others) {
                if (slotOf.get(other) >= call.slot) {
                    return null;
                }
            }
            return call;
        }

        /** Steps that wait for non-async triggers outside their own call. */
        private List<TriggerWait> waits() {
            List<TriggerWait> out = new ArrayList<>();
            for (PlannedStep step : plan.steps()) {
                if (!slotOf.containsKey(step.key())) {
                    continue;
                }
                CallBuilder own = callOf.get(step.key());
                List<String> waited = effective(step.key()).stream()
                        .filter(k -> step(k).trigger().filter(t -> !t.async()).isPresent())
                        .filter(k -> own == null || callOf.get(k) != own)
                        .toList();
                if (!waited.isEmpty()) {
                    out.add(new TriggerWait(step.key(), waited));
                }
            }
            return out;
        }

        /**
         * What a step waits for, as stages: its dependencies with each {@code wait} replaced by what it waits for and
         * each group by its steps, in plan order.
         */
        Set<String> effective(String key) {
            Set<String> known = effective.get(key);
            if (known != null) {
                return known;
            }
            Set<String> out = new LinkedHashSet<>();
            for (PlannedDependency dependency : step(key).dependsOn()) {
                addTarget(dependency.key(), out);
            }
            effective.put(key, out);
            return out;
        }

        private void addTarget(String key, Set<String> out) {
            PlannedStep target = plan.step(key).orElse(null);
            if (target == null || !target.included()) {
                return;
            }
            if (target.type().equals("group")) {
                members.getOrDefault(key, List.of()).forEach(m -> addTarget(m, out));
            } else if (target.type().equals("wait")) {
                out.addAll(effective(key));
            } else {
                out.add(key);
            }
        }

        /** A call being filled. */
        private final class CallBuilder {
            final int slot;
            final List<String> triggers = new ArrayList<>();

            CallBuilder(int slot) {
                this.slot = slot;
            }

            TriggerCall build() {
                if (triggerDependencies == null) {
                    triggerDependencies = plan.triggerDependencies();
                }
                Set<String> inThisCall = new HashSet<>(triggers);
                Map<String, List<TriggerDependency>> dependsOn = new LinkedHashMap<>();
                for (String trigger : triggers) {
                    List<TriggerDependency> inCall = triggerDependencies.getOrDefault(trigger, List.of()).stream()
                            .filter(d -> inThisCall.contains(d.key()))
                            .toList();
                    if (!inCall.isEmpty()) {
                        dependsOn.put(trigger, inCall);
                    }
                }
                return new TriggerCall(triggers, dependsOn);
            }
        }
    }
}

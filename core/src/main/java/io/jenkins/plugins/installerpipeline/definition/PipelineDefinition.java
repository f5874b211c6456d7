package io.jenkins.plugins.installerpipeline.definition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole pipeline definition file.
 *
 * @param file   the file name as the user gave it (as in every {@code SourceLocation} of this definition)
 * @param steps  the top-level steps, in order (groups hold their own steps)
 * @param env    top-level {@code env}, in order
 * @param agents top-level {@code agents}
 * @param notifications top-level {@code notify} entries as plain values (see {@link ExtraAttribute#value()})
 * @param extras other top-level keys, kept as written (each also reported as a warning)
 */
public record PipelineDefinition(
        String file,
        List<Step> steps,
        Map<String, String> env,
        Agents agents,
        List<Object> notifications,
        List<ExtraAttribute> extras) {

    public PipelineDefinition {
        Objects.requireNonNull(file, "file");
        steps = List.copyOf(steps);
        env = Collections2.orderedCopy(env);
        Objects.requireNonNull(agents, "agents");
        notifications = List.copyOf(notifications);
        extras = List.copyOf(extras);
    }

    /** Every step in document order, each group immediately followed by its nested steps. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>(steps.size());
        addAll(steps, all);
        return Collections.unmodifiableList(all);
    }

    private static void addAll(List<Step> steps, List<Step> into) {
        for (Step step : steps) {
            into.add(step);
            if (step instanceof GroupStep group) {
                addAll(group.steps(), into); // groups do not nest in a valid definition: shallow recursion
            }
        }
    }

    /** Keyed steps (including nested ones) by key; the first one wins if a key is duplicated (invalid anyway). */
    public Map<String, Step> stepsByKey() {
        Map<String, Step> byKey = new LinkedHashMap<>();
        for (Step step : allSteps()) {
            step.key().ifPresent(k -> byKey.putIfAbsent(k, step));
        }
        return Collections.unmodifiableMap(byKey);
    }
}

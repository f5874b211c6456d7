package io.jenkins.plugins.installerpipeline.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole pipeline definition file. Immutable.
 *
 * <p>A class rather than a record only because it also carries its {@link StepGraph}, which is derived from the
 * steps once, when the definition is made, and so is not one of its components: two definitions are equal when
 * their components are.
 */
public final class PipelineDefinition {

    private final String file;
    private final List<Step> steps;
    private final Map<String, String> env;
    private final Agents agents;
    private final List<Object> notifications;
    private final List<ExtraAttribute> extras;
    private final StepGraph graph;

    /**
     * A definition.
     *
     * @param file          the file name as the user gave it (as in every {@code SourceLocation} of this definition)
     * @param steps         the top-level steps, in order (groups hold their own steps)
     * @param env           top-level {@code env}, in order
     * @param agents        top-level {@code agents}
     * @param notifications top-level {@code notify} entries as plain values (see {@link ExtraAttribute#value()})
     * @param extras        other top-level keys, kept as written: Buildkite's ({@code secrets}, {@code image},
     *                      {@code priority}, {@code checkout}) and unknown ones (each reported as a warning)
     */
    public PipelineDefinition(String file, List<Step> steps, Map<String, String> env, Agents agents,
            List<Object> notifications, List<ExtraAttribute> extras) {
        this.file = Objects.requireNonNull(file, "file");
        this.steps = List.copyOf(steps);
        this.env = Collections2.orderedCopy(env);
        this.agents = Objects.requireNonNull(agents, "agents");
        this.notifications = List.copyOf(notifications);
        this.extras = List.copyOf(extras);
        this.graph = new StepGraph(this.steps);
    }

    /** The file name as the user gave it (as in every {@code SourceLocation} of this definition). */
    public String file() {
        return file;
    }

    /** The top-level steps, in order (groups hold their own steps). */
    public List<Step> steps() {
        return steps;
    }

    /** Top-level {@code env}, in order. */
    public Map<String, String> env() {
        return env;
    }

    /** Top-level {@code agents}. */
    public Agents agents() {
        return agents;
    }

    /** Top-level {@code notify} entries as plain values (see {@link ExtraAttribute#value()}). */
    public List<Object> notifications() {
        return notifications;
    }

    /** Other top-level keys, kept as written: Buildkite's, and unknown ones (each reported as a warning). */
    public List<ExtraAttribute> extras() {
        return extras;
    }

    /** Every step in document order, each group immediately followed by its nested steps. */
    public List<Step> allSteps() {
        return graph.steps();
    }

    /** The steps' keys, groups, kinds and resolved dependencies, numbered as {@link #allSteps()} lists them. */
    public StepGraph graph() {
        return graph;
    }

    /** Keyed steps (including nested ones) by key; the first one wins if a key is duplicated (invalid anyway). */
    public Map<String, Step> stepsByKey() {
        Map<String, Step> byKey = new LinkedHashMap<>();
        for (Step step : allSteps()) {
            step.key().ifPresent(k -> byKey.putIfAbsent(k, step));
        }
        return Collections.unmodifiableMap(byKey);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PipelineDefinition d && file.equals(d.file) && steps.equals(d.steps)
                && env.equals(d.env) && agents.equals(d.agents) && notifications.equals(d.notifications)
                && extras.equals(d.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, steps, env, agents, notifications, extras);
    }

    @Override
    public String toString() {
        return "PipelineDefinition[file=" + file + ", steps=" + steps + ", env=" + env + ", agents=" + agents
                + ", notifications=" + notifications + ", extras=" + extras + "]";
    }
}

package io.jenkins.plugins.installerpipeline.steps;

import io.jenkins.plugins.installerpipeline.plan.InlineTriggers;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.PlannedTrigger;
import io.jenkins.plugins.installerpipeline.plan.TriggerDependency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One installer to start, from a planned trigger step or an entry of {@code installers}: the values are already
 * final (interpolated by the engine, or written by the script).
 *
 * @param key       the trigger's key (its step key, else its slug)
 * @param label     for people
 * @param slug      the pipeline slug, or the job name for inline entries
 * @param branch    {@code build.branch}
 * @param commit    {@code build.commit}
 * @param message   {@code build.message}
 * @param env       {@code build.env}
 * @param dependsOn keys of other installers of this request that must pass first
 * @param allowedToFail those of {@code dependsOn} whose failure does not stop this one ({@code allow_failure})
 * @param async     Buildkite's {@code async}: done once the build exists
 * @param metaData  {@code build.meta_data}
 */
record InstallerRequest(String key, String label, String slug, Optional<String> branch, Optional<String> commit,
        Optional<String> message, Map<String, String> env, List<String> dependsOn, List<String> allowedToFail,
        boolean async, Map<String, String> metaData) {

    /**
     * The included triggers of a plan, each with the triggers it needs first ({@link Plan#triggerDependencies}: one
     * pass for all of them).
     */
    static List<InstallerRequest> fromPlan(Plan plan) {
        List<PlannedStep> triggers = plan.includedTriggers();
        Map<String, List<TriggerDependency>> needs = plan.triggerDependencies();
        List<InstallerRequest> out = new ArrayList<>();
        for (PlannedStep step : triggers) {
            PlannedTrigger t = step.trigger().orElseThrow();
            List<TriggerDependency> deps = needs.get(step.key());
            out.add(new InstallerRequest(step.key(), step.label().orElse(t.pipeline()), t.pipeline(), t.branch(),
                    t.commit(), t.message(), t.env(), deps.stream().map(TriggerDependency::key).toList(),
                    deps.stream().filter(TriggerDependency::allowFailure).map(TriggerDependency::key).toList(),
                    t.async(), t.metaData()));
        }
        return out;
    }

    /**
     * The entries of {@code installers}, read by the engine ({@link InlineTriggers#parse}): the triggers, or one
     * sentence per problem (naming the entry and the field).
     */
    static Either fromMaps(List<Map<String, Object>> installers) {
        InlineTriggers.Parsed parsed = InlineTriggers.parse("installers", installers);
        if (parsed instanceof InlineTriggers.Parsed.Invalid invalid) {
            return new Either(List.of(), invalid.problems());
        }
        List<InstallerRequest> out = new ArrayList<>();
        for (InlineTriggers.InlineTrigger t : ((InlineTriggers.Parsed.Valid) parsed).triggers()) {
            out.add(new InstallerRequest(t.key(), t.label(), t.job(), t.branch(), t.commit(), t.message(), t.env(),
                    t.dependsOn(), t.allowedToFail(), t.async(), t.metaData()));
        }
        return new Either(List.copyOf(out), List.of());
    }

    /** The requests, or (when {@code problems} is not empty) none. */
    record Either(List<InstallerRequest> requests, List<String> problems) {}
}

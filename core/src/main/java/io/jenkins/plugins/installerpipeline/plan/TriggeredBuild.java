package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import io.jenkins.plugins.installerpipeline.context.RunTimeValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The build a trigger step creates, as Buildkite creates it: what its own conditions and interpolation will see.
 * The Jenkins plugin gives triggered builds this same context, so a definition behaves the same in both places.
 */
public final class TriggeredBuild {

    private TriggeredBuild() {}

    /**
     * The context of the build that {@code trigger} starts from the build {@code parent}.
     *
     * <ul>
     *   <li>{@code build.source} is {@code trigger_job};</li>
     *   <li>{@code build.tag} is the parent's tag. Buildkite gives a triggered build no tag (Kolibri passes it in
     *       {@code LE_KOLIBRI_RELEASE} for that reason); here an installer build of a release knows it is one, so
     *       it can upload to the release. This is what the Jenkins plugin does too, so the preview matches.</li>
     *   <li>message, commit and branch come from the trigger's {@code build}, defaulting as Buildkite does to the
     *       trigger step's label, {@code HEAD}, and the target pipeline's default branch (unknown here, so unset);</li>
     *   <li>the environment is the trigger's {@code build.env} plus Buildkite's
     *       {@code BUILDKITE_TRIGGERED_FROM_BUILD_*} variables; a {@code BUILDKITE_PULL_REQUEST} passed in
     *       {@code build.env} makes the build a pull-request build;</li>
     *   <li>the creator and organization are the parent's, and a preview of the parent previews the child too (the
     *       parent's unknown id and number are placeholders in {@code BUILDKITE_TRIGGERED_FROM_BUILD_*}).</li>
     * </ul>
     */
    public static BuildContext contextFor(PlannedStep trigger, BuildContext parent) {
        PlannedTrigger target = trigger.trigger()
                .orElseThrow(() -> new IllegalArgumentException(trigger.key() + " is not a trigger step"));
        Map<String, String> env = new LinkedHashMap<>(target.env());
        Map<String, String> unknown = parent.runTimePlaceholders();
        parent.id().or(() -> Optional.ofNullable(unknown.get(RunTimeValue.BUILD_ID.variable())))
                .ifPresent(id -> env.put("BUILDKITE_TRIGGERED_FROM_BUILD_ID", id));
        parent.number().map(n -> Integer.toString(n))
                .or(() -> Optional.ofNullable(unknown.get(RunTimeValue.BUILD_NUMBER.variable())))
                .ifPresent(n -> env.put("BUILDKITE_TRIGGERED_FROM_BUILD_NUMBER", n));
        parent.pipelineSlug().ifPresent(s -> env.put("BUILDKITE_TRIGGERED_FROM_BUILD_PIPELINE_SLUG", s));
        BuildContext.Builder child = BuildContext.builder()
                .runTimePlaceholders(parent.hasRunTimePlaceholders())
                .source(BuildSource.TRIGGER_JOB)
                .tag(parent.tag().orElse(null))
                .pipelineSlug(target.pipeline())
                .commit(target.commit().orElse("HEAD"))
                .environment(env);
        Optional<String> message = target.message().or(trigger::label);
        message.ifPresent(child::message);
        target.branch().ifPresent(child::branch);
        parent.creator().ifPresent(child::creator);
        parent.organizationSlug().ifPresent(child::organizationSlug);
        Optional.ofNullable(target.env().get("BUILDKITE_PULL_REQUEST"))
                .filter(id -> !id.isBlank() && !id.equals("false"))
                .ifPresent(id -> child.pullRequest(new PullRequest(id,
                        Optional.ofNullable(target.env().get("BUILDKITE_PULL_REQUEST_BASE_BRANCH"))
                                .filter(b -> !b.isBlank()),
                        Optional.ofNullable(target.env().get("BUILDKITE_PULL_REQUEST_REPO")).filter(r -> !r.isBlank()),
                        Optional.empty())));
        return child.build();
    }
}

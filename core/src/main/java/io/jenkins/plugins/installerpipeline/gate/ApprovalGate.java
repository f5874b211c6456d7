package io.jenkins.plugins.installerpipeline.gate;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import io.jenkins.plugins.installerpipeline.condition.Compilation;
import io.jenkins.plugins.installerpipeline.condition.Condition;
import io.jenkins.plugins.installerpipeline.condition.Evaluation;
import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a build stops at its approval gate.
 *
 * <p>The default rule is Kolibri's {@code if: build.env("LE_KOLIBRI_RELEASE") == "false"}, made robust for
 * Jenkins: the gate exists only when an orchestration that is not a release triggered the build. So a build
 * continues when it builds a tag (its own, or the release tag its orchestration handed it), when its orchestration
 * says it is a release ({@code LE_KOLIBRI_RELEASE} holds anything but {@code false}), or when no orchestration
 * started it (a person did); otherwise it pauses.
 *
 * @param condition an explicit Buildkite expression deciding when to pause, replacing the default rule
 * @param release   an explicit answer to "is this a release?": true never pauses, false always does
 */
public record ApprovalGate(Optional<String> condition, Optional<Boolean> release) {

    /** The variable Kolibri's package pipeline sets on every installer build: the tag, or {@code false}. */
    public static final String KOLIBRI_RELEASE = "LE_KOLIBRI_RELEASE";

    public ApprovalGate {
        condition = Objects.requireNonNull(condition, "condition").filter(c -> !c.isBlank());
        Objects.requireNonNull(release, "release");
    }

    /** The default rule, with no condition and no override. */
    public static ApprovalGate kolibri() {
        return new ApprovalGate(Optional.empty(), Optional.empty());
    }

    /**
     * Whether deciding needs the build's commit message: only a condition that reads {@code build.message} does. The
     * Jenkins step reads a message from the build's change log, which may mean reading files, and skips that
     * otherwise.
     */
    public boolean needsMessage() {
        return condition.map(Condition::compile).filter(Compilation.Valid.class::isInstance)
                .map(c -> ((Compilation.Valid) c).condition().reads("build.message")).orElse(false);
    }

    /**
     * Checks the condition, if any, before a build relies on it.
     *
     * @return the error with its column, if the condition is not a valid Buildkite boolean expression
     */
    public Optional<ColumnError> check() {
        return condition.map(Condition::compile)
                .filter(Compilation.Invalid.class::isInstance)
                .map(c -> ((Compilation.Invalid) c).error());
    }

    /**
     * Decides for one build.
     *
     * @return pause or proceed with the reason; {@link GateOutcome.Invalid} when the condition is invalid or cannot
     *         be evaluated, naming the condition and the column
     */
    public GateOutcome decide(BuildContext build) {
        if (release.isPresent()) {
            return release.get()
                    ? new GateOutcome.Proceed("release: true was given, so this build does not wait for approval")
                    : new GateOutcome.Pause("release: false was given, so this build waits for approval");
        }
        if (condition.isPresent()) {
            return decideByCondition(condition.get(), build);
        }
        if (build.tag().isPresent()) {
            return new GateOutcome.Proceed("this build is for release " + build.tag().get()
                    + ", so it does not wait for approval");
        }
        if (build.source().filter(BuildSource.TRIGGER_JOB::equals).isEmpty()) {
            return new GateOutcome.Proceed("no orchestration started this build ("
                    + build.source().map(BuildSource::value).orElse("unknown source")
                    + "), so whoever started it already asked for it");
        }
        String release = build.environment().get(KOLIBRI_RELEASE);
        if (release != null && !release.isBlank() && !release.equals("false")) {
            return new GateOutcome.Proceed(KOLIBRI_RELEASE + " is " + release + ", so this is a release build");
        }
        return new GateOutcome.Pause("an orchestration that is not a release started this build ("
                + KOLIBRI_RELEASE + " is " + (release == null ? "unset" : "'" + release + "'")
                + "), so it waits for a person to approve it");
    }

    private static GateOutcome decideByCondition(String expression, BuildContext build) {
        Compilation compilation = Condition.compile(expression);
        if (compilation instanceof Compilation.Invalid invalid) {
            return new GateOutcome.Invalid("condition '" + expression + "' is invalid: " + invalid.error().format());
        }
        Evaluation evaluation = ((Compilation.Valid) compilation).condition().evaluate(build);
        if (evaluation instanceof Evaluation.Failed failed) {
            return new GateOutcome.Invalid("condition '" + expression + "' could not be evaluated: "
                    + failed.error().format());
        }
        return ((Evaluation.Decided) evaluation).value()
                ? new GateOutcome.Pause("condition " + expression + " is true, so this build waits for approval")
                : new GateOutcome.Proceed("condition " + expression + " is false, so this build does not wait for approval");
    }
}

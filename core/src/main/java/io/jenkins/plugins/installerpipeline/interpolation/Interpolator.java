package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * Upload-time interpolation of one string value, as {@code buildkite-agent pipeline upload} does it. Stateless;
 * every method is a pure function. For a value read from a file, turn a failure into a diagnostic with
 * {@link InterpolationResult#diagnostic(SourceLocation)}.
 */
public final class Interpolator {

    private Interpolator() {
    }

    /**
     * Expands {@code text} against {@code environment}: the expanded string, or an error with the column inside
     * {@code text} (a malformed expansion, or {@code ${VAR?message}} of an unset variable).
     */
    public static InterpolationResult interpolate(String text, Map<String, String> environment) {
        if (Template.isLiteral(text)) { // most values: no template to make and expand
            return new InterpolationResult.Expanded(text);
        }
        Template.Parse parse = Template.parse(text);
        if (parse instanceof Template.Parse.Valid valid) {
            return valid.template().expand(environment);
        }
        return new InterpolationResult.Failed(((Template.Parse.Invalid) parse).error());
    }

    /**
     * Expands {@code text} against the context's {@link BuildContext#interpolationEnvironment()}: its environment,
     * with placeholders for run-time values when it previews a build.
     */
    public static InterpolationResult interpolate(String text, BuildContext context) {
        return interpolate(text, context.interpolationEnvironment());
    }

    /**
     * Syntax-only check of a value read from a file, for validation without a build context: the malformed
     * expansion as a diagnostic, or an empty list.
     */
    public static List<Diagnostic> check(String text, SourceLocation valueLocation) {
        if (Template.isLiteral(text)) {
            return List.of(); // most values: nothing to parse, and nothing made (this runs for every string read)
        }
        Template.Parse parse = Template.parse(text);
        if (parse instanceof Template.Parse.Invalid invalid) {
            return List.of(invalid.error().at(valueLocation));
        }
        return List.of();
    }
}

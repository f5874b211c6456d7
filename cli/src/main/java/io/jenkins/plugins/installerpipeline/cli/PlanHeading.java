package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan is a plan of, said the same way in every format: a picture pasted into a release checklist must say
 * which file and which build (tag, branch, pull request) it shows.
 */
final class PlanHeading {

    private PlanHeading() {}

    /** {@code Plan for FILE (tag v0.17.0)}. */
    static String title(String file, BuildContext build) {
        return "Plan for " + file + " (" + describe(build) + ")";
    }

    /** The build in a few words: {@code tag v0.17.0}, {@code pull request 13001, branch fix-pi-image}. */
    static String describe(BuildContext build) {
        List<String> parts = new ArrayList<>();
        build.tag().ifPresent(t -> parts.add("tag " + t));
        build.pullRequest().ifPresent(pr -> parts.add("pull request " + pr.id()));
        // A tag build's branch is the tag: saying it twice tells nothing.
        build.branch().filter(b -> !build.tag().equals(build.branch())).ifPresent(b -> parts.add("branch " + b));
        build.source().ifPresent(s -> parts.add("source " + s.value()));
        return parts.isEmpty() ? "no tag, no branch" : String.join(", ", parts);
    }

    /**
     * The build context for the JSON form: the values given, and the placeholders that stand for the run-time values
     * not given ({@code run_time_placeholders}: variable name to placeholder), so a program can tell them apart.
     */
    static Map<String, Object> context(BuildContext build) {
        Map<String, Object> map = new LinkedHashMap<>();
        build.tag().ifPresent(v -> map.put("tag", v));
        build.branch().ifPresent(v -> map.put("branch", v));
        build.pullRequest().map(PullRequest::id).ifPresent(v -> map.put("pull_request", v));
        build.commit().ifPresent(v -> map.put("commit", v));
        build.message().ifPresent(v -> map.put("message", v));
        build.source().ifPresent(v -> map.put("source", v.value()));
        build.pipelineSlug().ifPresent(v -> map.put("pipeline", v));
        build.id().ifPresent(v -> map.put("build_id", v));
        build.number().ifPresent(v -> map.put("build_number", v));
        build.buildUrl().ifPresent(v -> map.put("build_url", v));
        build.jobId().ifPresent(v -> map.put("job_id", v));
        map.put("run_time_placeholders", build.runTimePlaceholders());
        return map;
    }
}

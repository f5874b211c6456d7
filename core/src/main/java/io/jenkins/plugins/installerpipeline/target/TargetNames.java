package io.jenkins.plugins.installerpipeline.target;

import io.jenkins.plugins.installerpipeline.diagnostic.Spelling;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Names of the jobs that trigger steps start. Job names are full names with {@code /} between folders
 * ({@code installers/kolibri-debian}).
 */
public final class TargetNames {

    private TargetNames() {}

    /**
     * The job a slug names when the {@code jobs} map does not: a job of that name in the same folder as the
     * triggering project ({@code ci/kolibri} triggering {@code kolibri-debian} → {@code ci/kolibri-debian}).
     *
     * @param projectFullName the triggering project's full name (for a branch of a multibranch project, the project)
     * @param slug            the trigger's pipeline slug
     */
    public static String beside(String projectFullName, String slug) {
        int slash = projectFullName.lastIndexOf('/');
        return slash < 0 ? slug : projectFullName.substring(0, slash + 1) + slug;
    }

    /**
     * Why a pipeline slug cannot name a job beside the triggering project, or empty when it can. A slug the
     * {@code jobs} map does not list may name only a job in the triggering project's own folder: a definition can
     * come from a pull request, and must not reach any other job of the Jenkins ({@code ../admin/deploy},
     * {@code other-team/release}). Buildkite slugs are single names ({@code kolibri-debian}); a job elsewhere is
     * reached by mapping its slug in {@code jobs}, which the Jenkinsfile (trusted) sets.
     */
    public static Optional<String> slugProblem(String slug) {
        if (slug.isBlank() || slug.equals(".") || slug.equals("..") || slug.contains("/") || slug.contains("\\")) {
            return Optional.of("trigger " + slug + ": a pipeline slug names a job in the same folder as the"
                    + " package job, and '" + slug + "' would reach outside it; to start a job elsewhere, map the slug"
                    + " in the step's jobs (jobs: ['" + slug + "': 'folder/job'])");
        }
        return Optional.empty();
    }

    /** A job name as written in the {@code jobs} map: full names, a leading {@code /} allowed and dropped. */
    public static String absolute(String name) {
        String n = name.strip();
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n;
    }

    /**
     * The existing names a user may have meant instead of {@code tried}, closest first: those whose full name or last
     * segment is within a few edits of it (a third of its length, at least 2), or that contain its last segment or
     * are contained in it.
     */
    public static List<String> similar(String tried, Collection<String> existing, int max) {
        String wanted = tried.toLowerCase(Locale.ROOT);
        String wantedLeaf = leaf(wanted);
        int limit = Math.max(2, wantedLeaf.length() / 3);
        record Scored(String name, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String name : existing) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals(wanted)) {
                continue;
            }
            String leaf = leaf(n);
            int d = Math.min(Spelling.distance(wanted, n), Spelling.distance(wantedLeaf, leaf));
            boolean related = !wantedLeaf.isEmpty() && !leaf.isEmpty()
                    && (leaf.contains(wantedLeaf) || wantedLeaf.contains(leaf));
            if (d <= limit || related) {
                scored.add(new Scored(name, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /**
     * The message for a trigger whose job is missing or cannot be started, naming the slug, the job tried and what
     * exists instead.
     *
     * @param slug    the trigger's pipeline slug
     * @param tried   the job full name looked up
     * @param problem what is wrong ({@code "no such job"}, {@code "is disabled"}, ...)
     * @param similar existing names, from {@link #similar}
     */
    public static String problem(String slug, String tried, String problem, List<String> similar) {
        StringBuilder m = new StringBuilder("trigger ").append(slug).append(": job ").append(tried).append(' ')
                .append(problem);
        if (!similar.isEmpty()) {
            m.append("; similar jobs: ").append(String.join(", ", similar));
        }
        m.append(" (map the slug to a job with jobs: ['").append(slug).append("': 'folder/job'])");
        return m.toString();
    }

    /** The last segment of a full name. */
    static String leaf(String fullName) {
        return fullName.substring(fullName.lastIndexOf('/') + 1);
    }
}

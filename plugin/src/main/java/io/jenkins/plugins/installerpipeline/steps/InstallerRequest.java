package io.jenkins.plugins.installerpipeline.steps;

import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlannedStep;
import io.jenkins.plugins.installerpipeline.plan.PlannedTrigger;
import io.jenkins.plugins.installerpipeline.plan.TriggerDependency;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;

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

    /** The included triggers of a plan, each with the triggers it needs first ({@link Plan#triggerDependenciesOf}). */
    static List<InstallerRequest> fromPlan(Plan plan) {
        List<PlannedStep> triggers = plan.includedTriggers();
        List<InstallerRequest> out = new ArrayList<>();
        for (PlannedStep step : triggers) {
            PlannedTrigger t = step.trigger().orElseThrow();
            List<TriggerDependency> deps = plan.triggerDependenciesOf(step.key());
            out.add(new InstallerRequest(step.key(), step.label().orElse(t.pipeline()), t.pipeline(), t.branch(),
                    t.commit(), t.message(), t.env(), deps.stream().map(TriggerDependency::key).toList(),
                    deps.stream().filter(TriggerDependency::allowFailure).map(TriggerDependency::key).toList(),
                    t.async(), t.metaData()));
        }
        return out;
    }

    /**
     * The entries of {@code installers}: {@code job} (required), {@code key}, {@code label}, {@code branch},
     * {@code commit}, {@code message}, {@code env} (map), {@code metaData} (map), {@code dependsOn} (a key, or a list
     * of keys and maps {@code [key: 'deb', allowFailure: true]}), {@code async}.
     *
     * @throws IllegalArgumentException naming the entry and the field when one is missing or of the wrong type
     */
    static List<InstallerRequest> fromMaps(List<Map<String, Object>> installers) {
        List<InstallerRequest> out = new ArrayList<>();
        for (int i = 0; i < installers.size(); i++) {
            Map<String, Object> m = installers.get(i);
            String where = "installers[" + i + "]";
            String job = text(m.get("job")).orElseThrow(() -> new IllegalArgumentException(where + ": job is required"));
            String key = text(m.get("key")).orElse(job);
            Map<String, String> env = new LinkedHashMap<>();
            Object e = m.get("env");
            if (e instanceof Map<?, ?> map) {
                map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (e != null) {
                throw new IllegalArgumentException(where + ": env must be a map such as [LE_KOLIBRI_RELEASE: 'false']");
            }
            Map<String, String> metaData = new LinkedHashMap<>();
            Object md = m.get("metaData");
            if (md instanceof Map<?, ?> map) {
                map.forEach((k, v) -> metaData.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
            } else if (md != null) {
                throw new IllegalArgumentException(where + ": metaData must be a map such as [channel: 'beta']");
            }
            Object d = m.get("dependsOn");
            List<?> items = d == null ? List.of() : d instanceof Collection<?> c ? List.copyOf(c) : List.of(d);
            List<String> deps = new ArrayList<>();
            List<String> allowedToFail = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> dep) {
                    String depKey = text(dep.get("key")).orElseThrow(() -> new IllegalArgumentException(
                            where + ": each map in dependsOn needs a key, such as [key: 'kolibri-debian', allowFailure: true]"));
                    deps.add(depKey);
                    if (Boolean.parseBoolean(String.valueOf(dep.get("allowFailure")))) {
                        allowedToFail.add(depKey);
                    }
                } else {
                    deps.add(String.valueOf(item));
                }
            }
            out.add(new InstallerRequest(key, text(m.get("label")).orElse(key), job, text(m.get("branch")),
                    text(m.get("commit")), text(m.get("message")), env, List.copyOf(deps), List.copyOf(allowedToFail),
                    Boolean.parseBoolean(String.valueOf(m.get("async"))), metaData));
        }
        Set<String> keys = new LinkedHashSet<>();
        for (InstallerRequest r : out) {
            if (!keys.add(r.key())) {
                throw new IllegalArgumentException("two installers have the key " + r.key()
                        + ": give each a distinct key (for example key: '" + r.key() + "-2')");
            }
        }
        for (InstallerRequest r : out) {
            for (String dep : r.dependsOn()) {
                if (!keys.contains(dep)) {
                    throw new IllegalArgumentException("installer " + r.key() + ": dependsOn " + dep
                            + " is not the key of another installer (keys: " + String.join(", ", keys) + ")");
                }
            }
        }
        return out;
    }

    private static Optional<String> text(Object o) {
        return o == null || String.valueOf(o).isBlank() ? Optional.empty() : Optional.of(String.valueOf(o).strip());
    }
}

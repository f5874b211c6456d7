package io.jenkins.plugins.installerpipeline.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Triggers written inline in a Jenkinsfile ({@code triggerInstallers(installers: [[job: 'kolibri-windows'], ...])})
 * rather than in a pipeline definition: each entry a map of plain values, passed as written (no interpolation).
 * Reads them all, reporting every problem (a missing {@code job}, a value of the wrong type, two entries with the same
 * key, a {@code dependsOn} naming no entry) with the entry's index and the field, so a user fixes them at once.
 */
public final class InlineTriggers {

    private InlineTriggers() {}

    /**
     * One inline trigger.
     *
     * @param key           its key ({@code key}, else {@code job})
     * @param label         for people ({@code label}, else the key)
     * @param job           the job (or pipeline slug) to start
     * @param dependsOn     keys of other entries that must pass first
     * @param allowedToFail those of {@code dependsOn} whose failure does not stop this one
     * @param async         Buildkite's {@code async}: done once its build exists
     */
    public record InlineTrigger(String key, String label, String job, Optional<String> branch, Optional<String> commit,
            Optional<String> message, Map<String, String> env, Map<String, String> metaData, List<String> dependsOn,
            List<String> allowedToFail, boolean async) {}

    /** The outcome of reading the entries. */
    public sealed interface Parsed {
        /** Every entry is valid. */
        record Valid(List<InlineTrigger> triggers) implements Parsed {}

        /** @param problems one sentence per problem, each naming the entry ({@code installers[1]: job is required}) */
        record Invalid(List<String> problems) implements Parsed {}
    }

    /**
     * Reads the entries: {@code job} (required), {@code key}, {@code label}, {@code branch}, {@code commit},
     * {@code message}, {@code env} (map), {@code metaData} (map), {@code dependsOn} (a key, or a list of keys and maps
     * {@code [key: 'deb', allowFailure: true]}), {@code async} ({@code true}/{@code false}). Values are turned into
     * strings with {@code String.valueOf} (a Groovy script may pass GStrings).
     *
     * @param name how the user calls the list, for messages ({@code installers})
     */
    public static Parsed parse(String name, List<? extends Map<?, ?>> entries) {
        List<String> problems = new ArrayList<>();
        List<InlineTrigger> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<?, ?> m = entries.get(i);
            String where = name + "[" + i + "]";
            Optional<String> job = text(m.get("job"));
            if (job.isEmpty()) {
                problems.add(where + ": job is required, such as [job: 'kolibri-windows']");
                continue;
            }
            String key = text(m.get("key")).orElse(job.get());
            Map<String, String> env = stringMap(m.get("env"), where + ": env must be a map such as [LE_KOLIBRI_RELEASE: 'false']", problems);
            Map<String, String> metaData = stringMap(m.get("metaData"), where + ": metaData must be a map such as [channel: 'beta']", problems);
            Object d = m.get("dependsOn");
            List<?> items = d == null ? List.of() : d instanceof Collection<?> c ? List.copyOf(c) : List.of(d);
            List<String> deps = new ArrayList<>();
            List<String> allowedToFail = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof Map<?, ?> dep) {
                    Optional<String> depKey = text(dep.get("key"));
                    if (depKey.isEmpty()) {
                        problems.add(where + ": each map in dependsOn needs a key, such as [key: 'kolibri-debian', allowFailure: true]");
                        continue;
                    }
                    deps.add(depKey.get());
                    if (flag(dep.get("allowFailure"), where + ": allowFailure", problems)) {
                        allowedToFail.add(depKey.get());
                    }
                } else {
                    deps.add(String.valueOf(item).strip());
                }
            }
            boolean async = flag(m.get("async"), where + ": async", problems);
            out.add(new InlineTrigger(key, text(m.get("label")).orElse(key), job.get(), text(m.get("branch")),
                    text(m.get("commit")), text(m.get("message")), env, metaData, List.copyOf(deps),
                    List.copyOf(allowedToFail), async));
        }
        Set<String> keys = new LinkedHashSet<>();
        for (InlineTrigger t : out) {
            if (!keys.add(t.key())) {
                problems.add("two " + name + " have the key " + t.key()
                        + ": give each a distinct key (for example key: '" + t.key() + "-2')");
            }
        }
        for (InlineTrigger t : out) {
            for (String dep : t.dependsOn()) {
                if (!keys.contains(dep)) {
                    problems.add("installer " + t.key() + ": dependsOn " + dep + " is not the key of another entry (keys: "
                            + String.join(", ", keys) + ")");
                } else if (dep.equals(t.key())) {
                    problems.add("installer " + t.key() + ": dependsOn names the installer itself");
                }
            }
        }
        return problems.isEmpty() ? new Parsed.Valid(List.copyOf(out)) : new Parsed.Invalid(List.copyOf(problems));
    }

    private static Map<String, String> stringMap(Object value, String problem, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value != null) {
            problems.add(problem);
        }
        return out;
    }

    /** {@code true}/{@code false} (a boolean or its text); absent is false; anything else is a problem. */
    private static boolean flag(Object value, String what, List<String> problems) {
        if (value == null) {
            return false;
        }
        String s = String.valueOf(value).strip();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        problems.add(what + " must be true or false, not '" + s + "'");
        return false;
    }

    private static Optional<String> text(Object o) {
        return o == null || String.valueOf(o).isBlank() ? Optional.empty() : Optional.of(String.valueOf(o).strip());
    }
}

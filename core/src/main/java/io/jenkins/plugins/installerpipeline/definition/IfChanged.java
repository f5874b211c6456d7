package io.jenkins.plugins.installerpipeline.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step's {@code if_changed}: glob patterns of files. Buildkite's agent applies it at {@code pipeline upload}
 * (before the server sees the step): when no file changed in the build matches {@code include} without matching
 * {@code exclude}, the step gets {@code skip}. A reader of the file alone cannot know which files changed, so it
 * keeps the patterns (as the step's extra attribute {@code if_changed}) and says what they mean.
 *
 * @param include the patterns a changed file must match (one at least)
 * @param exclude the patterns that take a changed file out again
 */
public record IfChanged(List<String> include, List<String> exclude) {

    public IfChanged {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The step's {@code if_changed}, when it has one Buildkite's agent can apply. */
    public static Optional<IfChanged> of(Step step) {
        return step.common().extras().stream().filter(e -> e.name().equals("if_changed")).findFirst()
                .flatMap(e -> parse(e.value()));
    }

    /**
     * The forms go-pipeline's agent reads ({@code ifChangedPatterns} in {@code pipeline_upload.go}): a pattern, a
     * list of patterns, or {@code {include, exclude}} with each a pattern or a list. Empty for anything else: the
     * agent then warns and never skips the step.
     */
    static Optional<IfChanged> parse(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (!map.containsKey("include") || !map.keySet().stream().allMatch(k -> k.equals("include")
                    || k.equals("exclude"))) {
                return Optional.empty();
            }
            Optional<List<String>> include = patterns(map.get("include"));
            Optional<List<String>> exclude = map.containsKey("exclude") ? patterns(map.get("exclude"))
                    : Optional.of(List.of());
            return include.isPresent() && exclude.isPresent() && !include.get().isEmpty()
                    ? Optional.of(new IfChanged(include.get(), exclude.get())) : Optional.empty();
        }
        return patterns(value).filter(p -> !p.isEmpty()).map(p -> new IfChanged(p, List.of()));
    }

    private static Optional<List<String>> patterns(Object value) {
        if (value instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (value instanceof List<?> list && list.stream().allMatch(Objects::nonNull)
                && list.stream().allMatch(String.class::isInstance)) {
            List<String> out = new ArrayList<>();
            list.forEach(item -> out.add((String) item));
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** {@code foo/** or bar/** (not foo/baz)}: the patterns as a plan or a message shows them. */
    public String describe() {
        return String.join(" or ", include) + (exclude.isEmpty() ? "" : " (not " + String.join(" or ", exclude) + ")");
    }
}

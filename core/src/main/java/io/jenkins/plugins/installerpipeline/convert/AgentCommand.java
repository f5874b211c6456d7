package io.jenkins.plugins.installerpipeline.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A command line that calls {@code buildkite-agent}, as far as the converter understands it. Only whole, simple
 * lines are understood (no {@code &&}, {@code ;}, pipes or substitutions): anything else is {@link Unclear}, so
 * the converter flags it instead of guessing.
 */
sealed interface AgentCommand {

    /** {@code buildkite-agent artifact upload PATTERN [--job JOB]}. */
    record Upload(String pattern, Optional<String> job) implements AgentCommand {}

    /** {@code buildkite-agent artifact download PATTERN DEST [--build BUILD] [--step STEP]}. */
    record Download(String pattern, String destination, Optional<String> build, Optional<String> step)
            implements AgentCommand {

        /**
         * Whether it downloads from another build (the one that triggered this, {@code $LE_TRIGGERED_FROM_BUILD_ID}),
         * not from this one ({@code --build $BUILDKITE_BUILD_ID}, or no {@code --build}).
         */
        boolean fromAnotherBuild() {
            return build.filter(b -> !b.contains("BUILDKITE_BUILD_ID")).isPresent();
        }
    }

    /** {@code buildkite-agent pipeline upload ...}: steps generated at run time. */
    record PipelineUpload() implements AgentCommand {}

    /** Another {@code buildkite-agent} use, or one this parser cannot read with confidence. */
    record Unclear(String why) implements AgentCommand {}

    /** The line's meaning, or empty when it does not mention {@code buildkite-agent} at all. */
    static Optional<AgentCommand> parse(String line) {
        if (!line.contains("buildkite-agent")) {
            return Optional.empty();
        }
        Optional<List<String>> words = words(line.strip());
        if (words.isEmpty() || words.get().isEmpty() || !isAgent(words.get().get(0))) {
            return Optional.of(new Unclear("the line does more than call buildkite-agent"));
        }
        List<String> w = words.get();
        String sub = w.size() > 2 ? w.get(1) + " " + w.get(2) : w.size() > 1 ? w.get(1) : "";
        return Optional.of(switch (sub) {
            case "artifact upload" -> upload(w.subList(3, w.size()));
            case "artifact download" -> download(w.subList(3, w.size()));
            case "pipeline upload" -> new PipelineUpload();
            default -> new Unclear("buildkite-agent " + sub + " has no Jenkins equivalent");
        });
    }

    /** The agent's executable, also as Windows names it. */
    private static boolean isAgent(String word) {
        return word.equals("buildkite-agent") || word.equalsIgnoreCase("buildkite-agent.exe");
    }

    private static AgentCommand upload(List<String> args) {
        List<String> positional = new ArrayList<>();
        Optional<String> job = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--job") && i + 1 < args.size()) {
                job = Optional.of(args.get(++i));
            } else if (a.startsWith("--job=")) {
                job = Optional.of(a.substring("--job=".length()));
            } else if (a.startsWith("-")) {
                return new Unclear("option " + a + " of artifact upload is not understood");
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 1) {
            return new Unclear("artifact upload with a destination or no pattern is not understood");
        }
        return new Upload(positional.get(0), job);
    }

    private static AgentCommand download(List<String> args) {
        List<String> positional = new ArrayList<>();
        Optional<String> build = Optional.empty();
        Optional<String> step = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("--build") || a.equals("--step")) && i + 1 < args.size()) {
                if (a.equals("--build")) {
                    build = Optional.of(args.get(++i));
                } else {
                    step = Optional.of(args.get(++i));
                }
            } else if (a.startsWith("--build=")) {
                build = Optional.of(a.substring("--build=".length()));
            } else if (a.startsWith("--step=")) {
                step = Optional.of(a.substring("--step=".length()));
            } else if (a.startsWith("-")) {
                return new Unclear("option " + a + " of artifact download is not understood");
            } else {
                positional.add(a);
            }
        }
        if (positional.size() != 2) {
            return new Unclear("artifact download needs a pattern and a destination");
        }
        return new Download(positional.get(0), positional.get(1), build, step);
    }

    /**
     * Splits a line into shell words (single and double quotes, backslash escapes outside single quotes). Empty when
     * the line holds shell syntax that would change its meaning: operators, redirections, substitutions.
     */
    private static Optional<List<String>> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '`' || (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(')) {
                    return Optional.empty();
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("&|;<>`(){}#".indexOf(c) >= 0 || (c == '$' && i + 1 < line.length() && line.charAt(i + 1) == '(')) {
                return Optional.empty();
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inWord) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }
}

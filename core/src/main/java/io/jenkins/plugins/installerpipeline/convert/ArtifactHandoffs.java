package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.convert.Stage.Action;
import io.jenkins.plugins.installerpipeline.definition.CommandStep;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.definition.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code buildkite-agent artifact} line of a command becomes in Jenkins: {@code fetchUpstreamArtifacts} for a
 * download from the triggering build, {@code stash}/{@code unstash} between stages of this build, and
 * {@code archiveArtifacts} for an upload; anything else is flagged with the reason.
 */
final class ArtifactHandoffs {

    /** What a line becomes. */
    sealed interface Handoff {
        /** Jenkins steps that do the line's work (with the line as a comment). */
        record Steps(List<Action> actions) implements Handoff {
            public Steps {
                actions = List.copyOf(actions);
            }
        }

        /** Nothing: the work is done anyway. @param why why, for a comment */
        record Nothing(String why) implements Handoff {}

        /** No faithful Jenkins form. @param why what to do instead */
        record Flagged(String why) implements Handoff {}
    }

    private final Map<Step, String> keyOf;
    /** Stashes needed by downloads from this build: producing step key to the patterns to stash. */
    private final Map<String, List<String>> stashes = new LinkedHashMap<>();
    /** The command steps whose {@code artifact_paths} list a pattern, each once, in document order. */
    private final Map<String, List<CommandStep>> producersOf = new HashMap<>();

    ArtifactHandoffs(PipelineDefinition definition, Map<Step, String> keyOf) {
        this.keyOf = keyOf;
        for (Step step : definition.allSteps()) {
            if (step instanceof CommandStep command) {
                for (String pattern : new LinkedHashSet<>(command.artifactPaths())) {
                    producersOf.computeIfAbsent(pattern, p -> new ArrayList<>()).add(command);
                }
            }
        }
        for (Step step : definition.allSteps()) {
            if (step instanceof CommandStep command) {
                for (String c : command.commands()) {
                    for (String line : c.split("\n", -1)) {
                        if (AgentCommand.parse(line).orElse(null) instanceof AgentCommand.Download d
                                && !d.fromAnotherBuild() && d.step().isEmpty()) {
                            producer(command, d).ifPresent(p -> {
                                List<String> patterns = stashes.computeIfAbsent(p, k -> new ArrayList<>());
                                if (!patterns.contains(d.pattern())) {
                                    patterns.add(d.pattern());
                                }
                            });
                        }
                    }
                }
            }
        }
    }

    /** What the agent line {@code line} of {@code step} becomes. */
    Handoff handoff(CommandStep step, String line, AgentCommand command) {
        String was = "was: " + line.strip();
        if (command instanceof AgentCommand.Upload upload) {
            if (upload.pattern().contains("$")) {
                return variable(upload.pattern());
            }
            if (upload.job().isPresent() && step.artifactPaths().contains(upload.pattern())) {
                return new Handoff.Nothing(was + "\nThe package build lists every installer's archived artifacts,"
                        + " so archiving them here (artifact_paths) is enough.");
            }
            return new Handoff.Steps(List.of(new Action.Note(was),
                    new Action.Call("archiveArtifacts artifacts: " + Groovy.quote(upload.pattern()))));
        }
        if (command instanceof AgentCommand.Download download) {
            if (download.pattern().contains("$") || download.destination().contains("$")) {
                return variable(download.pattern() + " " + download.destination());
            }
            if (download.fromAnotherBuild() && download.step().isEmpty()) {
                Action fetch = new Action.Call("fetchUpstreamArtifacts includes: " + Groovy.quote(download.pattern()));
                return new Handoff.Steps(List.of(new Action.Note(was), inDirectory(download.destination(), fetch)));
            }
            Optional<String> producer = producer(step, download);
            if (!download.fromAnotherBuild() && producer.isPresent()) {
                Action unstash = new Action.Call("unstash " + Groovy.quote(stashName(producer.get(), download.pattern())));
                return new Handoff.Steps(List.of(new Action.Note(was), inDirectory(download.destination(), unstash)));
            }
            return new Handoff.Flagged(download.fromAnotherBuild()
                    ? "downloads from another build's step (--step): use fetchUpstreamArtifacts with from:"
                    : "downloads '" + download.pattern() + "' from this build, which no single step's"
                            + " artifact_paths produces: share files between stages with stash/unstash, or"
                            + " publish release assets with uploadReleaseArtifact(fromInstallers: true)");
        }
        if (command instanceof AgentCommand.PipelineUpload) {
            return new Handoff.Flagged("pipeline upload generates steps at run time, which a Jenkinsfile"
                    + " cannot: convert the uploaded file too and call it with load or build");
        }
        return new Handoff.Flagged(((AgentCommand.Unclear) command).why() + ": kept as a comment");
    }

    private static Handoff variable(String words) {
        return new Handoff.Flagged("'" + words + "' uses a shell variable, which a Jenkins step cannot read: write"
                + " the value into the Jenkinsfile, or keep the line in a script that the agent can run");
    }

    /** The {@code stash} calls that end the stage of {@code key}, for downloads by later stages. */
    List<Action> stashesOf(String key) {
        return stashes.getOrDefault(key, List.of()).stream()
                .<Action>map(pattern -> new Action.Call("stash name: " + Groovy.quote(stashName(key, pattern))
                        + ", includes: " + Groovy.quote(pattern) + ", allowEmpty: true"))
                .toList();
    }

    private static Action inDirectory(String destination, Action action) {
        String dir = destination.replaceAll("/+$", "");
        return dir.isEmpty() || dir.equals(".") ? action : new Action.InDirectory(dir, List.of(action));
    }

    /** The one other command step whose {@code artifact_paths} lists exactly this download's pattern. */
    private Optional<String> producer(CommandStep consumer, AgentCommand.Download download) {
        if (download.step().isPresent()) {
            return Optional.empty();
        }
        List<String> producers = producersOf.getOrDefault(download.pattern(), List.of()).stream()
                .filter(s -> s != consumer)
                .map(keyOf::get)
                .toList();
        return producers.size() == 1 ? Optional.of(producers.get(0)) : Optional.empty();
    }

    private String stashName(String producer, String pattern) {
        List<String> patterns = stashes.getOrDefault(producer, List.of(pattern));
        return patterns.size() <= 1 ? producer : producer + "-" + (patterns.indexOf(pattern) + 1);
    }
}

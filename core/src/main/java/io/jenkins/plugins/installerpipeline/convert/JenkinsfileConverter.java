package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.convert.Stage.Action;
import io.jenkins.plugins.installerpipeline.convert.Stage.Guard;
import io.jenkins.plugins.installerpipeline.definition.BlockField;
import io.jenkins.plugins.installerpipeline.definition.BlockStep;
import io.jenkins.plugins.installerpipeline.definition.BlockedState;
import io.jenkins.plugins.installerpipeline.definition.CommandStep;
import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.Dependency;
import io.jenkins.plugins.installerpipeline.definition.ExtraAttribute;
import io.jenkins.plugins.installerpipeline.definition.GroupStep;
import io.jenkins.plugins.installerpipeline.definition.IfExpression;
import io.jenkins.plugins.installerpipeline.definition.InputStep;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.definition.Plugin;
import io.jenkins.plugins.installerpipeline.definition.ReadResult;
import io.jenkins.plugins.installerpipeline.definition.Retry;
import io.jenkins.plugins.installerpipeline.definition.Skip;
import io.jenkins.plugins.installerpipeline.definition.Step;
import io.jenkins.plugins.installerpipeline.definition.StepCommon;
import io.jenkins.plugins.installerpipeline.definition.TriggerStep;
import io.jenkins.plugins.installerpipeline.definition.WaitStep;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import io.jenkins.plugins.installerpipeline.plan.Plan;
import io.jenkins.plugins.installerpipeline.plan.PlanResult;
import io.jenkins.plugins.installerpipeline.plan.Planner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts a Buildkite pipeline definition into a Jenkinsfile that uses the plugin's steps. What each construct
 * becomes:
 * <ul>
 *   <li>command step: a stage running its commands with one {@code sh} on a node labelled with {@code agents.queue},
 *       with {@code env}, {@code timeout_in_minutes} ({@code timeout}), {@code retry.automatic} ({@code retry}),
 *       {@code soft_fail} ({@code catchError}, stage unstable, build goes on) and {@code artifact_paths}
 *       ({@code archiveArtifacts}, also after a failure);</li>
 *   <li>{@code buildkite-agent artifact download ... --build ...}: {@code fetchUpstreamArtifacts}; a download from
 *       this build that exactly one step's {@code artifact_paths} produces: {@code stash}/{@code unstash};
 *       {@code artifact upload}: {@code archiveArtifacts} (an upload into another build's job is what Jenkins shows
 *       anyway on the package build); anything else calling {@code buildkite-agent}: a comment and a warning;</li>
 *   <li>every trigger step: one {@code triggerInstallers} call with one entry each ({@code depends_on},
 *       {@code async}, {@code build.branch}, {@code build.env} kept);</li>
 *   <li>a {@code block} with an {@code if}: {@code blockUnlessTag} with that condition and its prompt as message;
 *       other {@code block}/{@code input} steps: {@code input} with their fields as parameters;</li>
 *   <li>{@code wait} and {@code depends_on}: the order of stages, by the plan's layers (steps of one layer run in
 *       {@code parallel});</li>
 *   <li>{@code if: build.tag != null}: {@code when { buildingTag() }}; any other {@code if}, {@code branches} or
 *       {@code skip}: the engine decides at run time through {@code readPipelineDefinition} (the plan's
 *       {@code included} for that step).</li>
 * </ul>
 * Constructs with no faithful Jenkins form (matrix, plugins, notify, concurrency, parallelism, priority,
 * {@code pipeline upload}, ...) are kept as comments in place and reported as warnings with their location.
 */
public final class JenkinsfileConverter {

    private static final Pattern TAG_PRESENT = Pattern.compile("build\\.tag\\s*!=\\s*null");
    /** Buildkite step attributes the definition model keeps without interpreting (the reader warns about others). */
    private static final Set<String> KNOWN_EXTRAS = Set.of("notify", "cancel_on_build_failing", "concurrency_method",
            "cache", "image", "secrets", "signature", "mount_checkout", "key_prefix");
    private static final Pattern TAG_ABSENT = Pattern.compile("build\\.tag\\s*==\\s*null");

    private JenkinsfileConverter() {}

    /**
     * Reads and validates {@code text} (no interpolation: {@code ${...}} stays for the plugin to expand at run time)
     * and converts it.
     *
     * @param file    the file name as the user gave it, used in diagnostics and comments
     * @param text    the definition
     * @param options style, job names and the definition path for run-time decisions
     * @return the Jenkinsfile with warnings, or the definition's errors
     */
    public static ConversionResult convert(String file, String text, ConvertOptions options) {
        ReadResult read = DefinitionReader.read(file, text, Planner.validationOptions());
        if (read.definition().isEmpty()) {
            return new ConversionResult(Optional.empty(), read.diagnostics());
        }
        Conversion conversion = new Conversion(read.definition().get(), text, options);
        Optional<ConvertedPipeline> pipeline = conversion.run();
        Diagnostics diagnostics = read.diagnostics().plus(Diagnostics.of(conversion.diagnostics));
        if (pipeline.isEmpty()) {
            return new ConversionResult(Optional.empty(), diagnostics);
        }
        return new ConversionResult(Optional.of(JenkinsfileWriter.write(pipeline.get(), options)), diagnostics);
    }

    /** One conversion run. */
    private static final class Conversion {
        private final PipelineDefinition definition;
        private final String[] lines;
        private final ConvertOptions options;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, Step> byKey = new HashMap<>();
        private final Map<Step, String> keyOf = new java.util.IdentityHashMap<>();
        private final Map<Step, GroupStep> groupOf = new java.util.IdentityHashMap<>();
        private final Set<String> stageNames = new HashSet<>();
        /** For each stage name asked for more than once, the last suffix given ({@link #uniqueName}). */
        private final Map<String, Integer> lastSuffix = new HashMap<>();
        /** The command steps whose {@code artifact_paths} list a pattern, each once, in document order. */
        private final Map<String, List<CommandStep>> producersOf = new HashMap<>();
        /** For each step, the last line of the file its source can be on: the line where the next step starts. */
        private final Map<Step, Integer> lastLineOf = new java.util.IdentityHashMap<>();
        /** Stashes needed by downloads from this build: producing step key to the patterns to stash. */
        private final Map<String, List<String>> stashes = new LinkedHashMap<>();
        private boolean needsPlan;
        private Plan plan;

        Conversion(PipelineDefinition definition, String text, ConvertOptions options) {
            this.definition = definition;
            this.lines = lines(text);
            this.options = options;
        }

        Optional<ConvertedPipeline> run() {
            // Every step planned as if included: conditions become run-time guards, not conversion-time decisions.
            PlanResult planned = Planner.plan(unconditional(definition), BuildContext.empty());
            if (planned.plan().isEmpty()) {
                diagnostics.addAll(planned.diagnostics().all());
                return Optional.empty();
            }
            Plan plan = planned.plan().get();
            this.plan = plan;
            List<Step> all = definition.allSteps();
            for (int i = 0; i < all.size(); i++) {
                String key = plan.steps().get(i).key();
                byKey.put(key, all.get(i));
                keyOf.put(all.get(i), key);
                if (all.get(i) instanceof GroupStep group) {
                    group.steps().forEach(s -> groupOf.put(s, group));
                }
            }
            for (int i = 0; i < all.size(); i++) {
                lastLineOf.put(all.get(i), i + 1 < all.size()
                        ? Math.max(all.get(i + 1).location().line(), all.get(i).location().line()) : lines.length);
                if (all.get(i) instanceof CommandStep command) {
                    for (String pattern : new java.util.LinkedHashSet<>(command.artifactPaths())) {
                        producersOf.computeIfAbsent(pattern, p -> new ArrayList<>()).add(command);
                    }
                }
            }
            findStashes(all);
            List<String> notes = topLevelNotes();
            List<List<Stage>> layers = new ArrayList<>();
            boolean triggersDone = false;
            for (List<String> layer : plan.layers()) {
                List<Stage> stages = new ArrayList<>();
                for (String key : layer) {
                    Step step = byKey.get(key);
                    if (step instanceof CommandStep command) {
                        stages.add(command(command));
                    } else if (step instanceof BlockStep block) {
                        stages.add(block(block));
                    } else if (step instanceof InputStep input) {
                        stages.add(input(input));
                    } else if (step instanceof TriggerStep && !triggersDone) {
                        stages.add(triggers(all));
                        triggersDone = true;
                    } else if (step instanceof WaitStep wait) {
                        wait(wait);
                    }
                }
                if (!stages.isEmpty()) {
                    layers.add(stages);
                }
            }
            for (Step step : all) {
                if (step instanceof GroupStep group) {
                    common(group, new ArrayList<>());
                }
            }
            Optional<String> planFile = needsPlan
                    ? Optional.of(options.definitionPath().orElse(definition.file()))
                    : Optional.empty();
            return Optional.of(new ConvertedPipeline(definition.file(), definition.env(), notes, planFile, layers));
        }

        // ---- steps -------------------------------------------------------------------------------------------

        private Stage command(CommandStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes);
            waitsForTriggers(step, notes);
            Optional<String> agent = agent(step, notes);
            Optional<Integer> attempts = step.retry().flatMap(retry -> retry(step, retry, notes));
            if (!step.softFail().exitStatuses().isEmpty() && !step.softFail().anyExitStatus()) {
                warn(step.location(), step, "soft_fail for exit statuses " + step.softFail().exitStatuses()
                        + " only: catchError makes every failure of the stage soft", notes);
            }
            for (Plugin plugin : step.plugins()) {
                warn(plugin.location(), step, "plugin " + plugin.name() + " has no Jenkins equivalent: kept as a"
                        + " comment; do its work with Jenkins steps or a Jenkins plugin", notes);
            }
            step.matrix().ifPresent(m -> warn(step.location(), step, "matrix " + m + " is not converted: write a"
                    + " declarative matrix or one stage per combination", notes));
            step.parallelism().ifPresent(p -> warn(step.location(), step, "parallelism: " + p + " is not"
                    + " converted: write the copies as parallel stages", notes));
            step.concurrency().ifPresent(c -> warn(step.location(), step, "concurrency " + c.limit()
                    + " in group '" + c.group() + "' is not converted: use the Lockable Resources plugin's lock step"
                    + " or disableConcurrentBuilds()", notes));
            step.priority().ifPresent(p -> warn(step.location(), step, "priority: " + p + " has no Jenkins"
                    + " equivalent (the queue is first in, first out)", notes));
            step.env().forEach((name, value) -> {
                if (value.contains("${")) {
                    warn(step.location(), step, "env " + name + " uses " + value + ", which Buildkite expands when"
                            + " the pipeline is uploaded; Jenkins keeps it as written: set it in the shell instead",
                            notes);
                }
            });
            List<Action> body = commands(step);
            List<String> archive = new ArrayList<>(step.artifactPaths());
            return new Stage(stageName(step), agent, guard(step), step.env(), step.timeoutInMinutes(), attempts,
                    step.softFail().anyExitStatus() || !step.softFail().exitStatuses().isEmpty(), body, archive,
                    notes);
        }

        private List<Action> commands(CommandStep step) {
            List<Action> body = new ArrayList<>();
            List<String> shell = new ArrayList<>();
            int searchFrom = step.location().line();
            int searchTo = lastLineOf.getOrDefault(step, lines.length);
            for (String command : step.commands()) {
                for (String line : command.split("\n", -1)) {
                    int at = lineOf(line, searchFrom, searchTo);
                    searchFrom = Math.max(searchFrom, at);
                    SourceLocation where = new SourceLocation(definition.file(), at, columnOf(line, at));
                    Optional<AgentCommand> agentCommand = AgentCommand.parse(line);
                    if (agentCommand.isEmpty()) {
                        shell.add(line);
                        continue;
                    }
                    flush(shell, body);
                    body.addAll(replace(step, line, agentCommand.get(), where));
                }
            }
            flush(shell, body);
            if (body.stream().allMatch(Action.Note.class::isInstance)) {
                // Every line was flagged; a declarative steps block must still hold a step.
                body.add(new Action.Call("echo 'Nothing to run here: see the comments above.'"));
            }
            stashes.getOrDefault(keyOf.get(step), List.of()).forEach(pattern -> body.add(new Action.Call(
                    "stash name: " + Groovy.quote(stashName(keyOf.get(step), pattern)) + ", includes: "
                            + Groovy.quote(pattern) + ", allowEmpty: true")));
            return body;
        }

        private static void flush(List<String> shell, List<Action> body) {
            if (!shell.isEmpty()) {
                body.add(new Action.Shell(shell));
                shell.clear();
            }
        }

        private List<Action> replace(CommandStep step, String line, AgentCommand command, SourceLocation where) {
            if (command instanceof AgentCommand.Upload upload) {
                if (upload.job().isPresent() && step.artifactPaths().contains(upload.pattern())) {
                    return List.of(new Action.Note("was: " + line.strip() + "\nThe package build lists every"
                            + " installer's archived artifacts, so archiving them here (artifact_paths) is enough."));
                }
                return List.of(new Action.Note("was: " + line.strip()),
                        new Action.Call("archiveArtifacts artifacts: " + Groovy.quote(upload.pattern())));
            }
            if (command instanceof AgentCommand.Download download) {
                if (download.build().isPresent() && download.step().isEmpty()) {
                    Action fetch = new Action.Call("fetchUpstreamArtifacts includes: " + Groovy.quote(download.pattern()));
                    return List.of(new Action.Note("was: " + line.strip()), inDirectory(download.destination(), fetch));
                }
                Optional<String> producer = producer(step, download);
                if (download.build().isEmpty() && producer.isPresent()) {
                    Action unstash = new Action.Call("unstash " + Groovy.quote(stashName(producer.get(), download.pattern())));
                    return List.of(new Action.Note("was: " + line.strip()), inDirectory(download.destination(), unstash));
                }
                return flag(step, line, where, download.build().isEmpty()
                        ? "downloads '" + download.pattern() + "' from this build, which no single step's"
                                + " artifact_paths produces: share files between stages with stash/unstash, or"
                                + " publish release assets with uploadReleaseArtifact(fromInstallers: true)"
                        : "downloads from another build's step (--step): use fetchUpstreamArtifacts with from:");
            }
            if (command instanceof AgentCommand.PipelineUpload) {
                return flag(step, line, where, "pipeline upload generates steps at run time, which a Jenkinsfile"
                        + " cannot: convert the uploaded file too and call it with load or build");
            }
            return flag(step, line, where, ((AgentCommand.Unclear) command).why() + ": kept as a comment");
        }

        private List<Action> flag(Step step, String line, SourceLocation where, String why) {
            diagnostics.add(Diagnostic.warning(where, "not converted in " + step.displayName() + ": "
                    + line.strip() + ": " + why));
            return List.of(new Action.Note("not converted: " + line.strip() + "\n" + why));
        }

        private static Action inDirectory(String destination, Action action) {
            String dir = destination.replaceAll("/+$", "");
            return dir.isEmpty() || dir.equals(".") ? action : new Action.InDirectory(dir, List.of(action));
        }

        private void findStashes(List<Step> all) {
            for (Step step : all) {
                if (step instanceof CommandStep command) {
                    for (String c : command.commands()) {
                        for (String line : c.split("\n", -1)) {
                            if (AgentCommand.parse(line).orElse(null) instanceof AgentCommand.Download d
                                    && d.build().isEmpty() && d.step().isEmpty()) {
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

        /** The one other command step whose {@code artifact_paths} lists exactly this download's pattern. */
        private Optional<String> producer(CommandStep consumer, AgentCommand.Download download) {
            if (download.step().isPresent()) {
                return Optional.empty();
            }
            List<String> producers = producersOf.getOrDefault(download.pattern(), List.of()).stream()
                    .filter(s -> s != consumer)
                    .limit(2)
                    .map(keyOf::get)
                    .toList();
            return producers.size() == 1 ? Optional.of(producers.get(0)) : Optional.empty();
        }

        private String stashName(String producer, String pattern) {
            List<String> patterns = stashes.getOrDefault(producer, List.of(pattern));
            return patterns.size() <= 1 ? producer : producer + "-" + (patterns.indexOf(pattern) + 1);
        }

        private Stage block(BlockStep step) {
            List<String> notes = new ArrayList<>();
            Optional<IfExpression> condition = step.common().condition();
            String message = step.prompt().or(step::label).orElse("Continue?");
            if (step.blockedState() != BlockedState.PASSED) {
                warn(step.location(), step, "blocked_state: " + step.blockedState().name().toLowerCase(java.util.Locale.ROOT)
                        + " has no Jenkins equivalent: a build waiting at input shows as running", notes);
            }
            if (condition.isPresent()) {
                // The gate exists only when the condition holds: blockUnlessTag asks the engine at run time.
                common(step, notes);
                if (!step.fields().isEmpty()) {
                    warn(step.location(), step, "the fields of a conditional block are not converted:"
                            + " blockUnlessTag asks no questions; add an input step after it", notes);
                }
                StringBuilder call = new StringBuilder("blockUnlessTag condition: ")
                        .append(Groovy.quote(condition.get().expression()))
                        .append(", message: ").append(Groovy.quote(message));
                submitter(step.allowedTeams()).ifPresent(s -> call.append(", submitter: ").append(Groovy.quote(s)));
                // blockUnlessTag itself waits, after approval, for the installer builds this one depends on (the Pi
                // image on Debian): on Buildkite a tester could unblock it before its input existed.
                return new Stage(stageName(step), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                        Optional.empty(), false, List.of(new Action.Call(call.toString())), List.of(), notes);
            }
            common(step, notes);
            return new Stage(stageName(step), Optional.empty(), guard(step), Map.of(), Optional.empty(),
                    Optional.empty(), false, List.of(new Action.Call(input(message, step.fields(), step.allowedTeams()))),
                    List.of(), notes);
        }

        private Stage input(InputStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes);
            String message = step.prompt().or(step::label).orElse("Continue?");
            return new Stage(stageName(step), Optional.empty(), guard(step), Map.of(), Optional.empty(),
                    Optional.empty(), false, List.of(new Action.Call(input(message, step.fields(), step.allowedTeams()))),
                    List.of(), notes);
        }

        private String input(String message, List<BlockField> fields, List<String> teams) {
            StringBuilder call = new StringBuilder("input message: ").append(Groovy.quote(message));
            submitter(teams).ifPresent(s -> call.append(", submitter: ").append(Groovy.quote(s)));
            if (!fields.isEmpty()) {
                call.append(", parameters: [");
                for (int i = 0; i < fields.size(); i++) {
                    call.append(i == 0 ? "\n    " : ",\n    ").append(parameter(fields.get(i)));
                }
                call.append("\n]");
            }
            return call.toString();
        }

        private String parameter(BlockField field) {
            String description = field.label().orElse(field.key())
                    + field.hint().map(h -> ": " + h).orElse("");
            if (field.type() == BlockField.Type.SELECT) {
                if (field.multiple()) {
                    diagnostics.add(Diagnostic.warning(field.location(), "select field '" + field.key()
                            + "' allows several values; Jenkins' choice parameter takes one"));
                }
                List<String> choices = new ArrayList<>(field.defaults());
                field.options().forEach(o -> {
                    if (!choices.contains(o.value())) {
                        choices.add(o.value());
                    }
                });
                return "choice(name: " + Groovy.quote(field.key()) + ", choices: " + Groovy.list(choices)
                        + ", description: " + Groovy.quote(description) + ")";
            }
            field.format().ifPresent(f -> diagnostics.add(Diagnostic.warning(field.location(), "text field '"
                    + field.key() + "' format " + f + " is not checked by Jenkins' string parameter")));
            return "string(name: " + Groovy.quote(field.key()) + ", defaultValue: "
                    + Groovy.quote(field.defaults().isEmpty() ? "" : field.defaults().get(0))
                    + ", description: " + Groovy.quote(description) + ")";
        }

        private Optional<String> submitter(List<String> teams) {
            // Buildkite teams map to Jenkins groups of the same name, which the input step accepts as submitters.
            return teams.isEmpty() ? Optional.empty() : Optional.of(String.join(",", teams));
        }

        private Stage triggers(List<Step> all) {
            List<String> notes = new ArrayList<>();
            List<TriggerStep> triggers = all.stream().filter(TriggerStep.class::isInstance)
                    .map(TriggerStep.class::cast).toList();
            String jobs = options.jobs().isEmpty() ? "" : ",\n                  jobs: " + Groovy.map(options.jobs());
            for (TriggerStep trigger : triggers) {
                common(trigger, notes);
                unconvertedTriggerAttributes(trigger, notes);
            }
            List<Action> body = new ArrayList<>();
            if (triggers.stream().anyMatch(Conversion::interpolates)) {
                // Buildkite expands ${...} in build values against the package build when the pipeline is uploaded;
                // the plugin does the same when it reads the definition, while inline entries are passed as written.
                String file = options.definitionPath().orElse(definition.file());
                body.add(new Action.Note("Trigger steps of " + file + ": "
                        + String.join(", ", triggers.stream().map(TriggerStep::pipeline).toList()) + ".\nTheir"
                        + " build values use ${...}: the plugin expands them against this build when it reads the"
                        + "\ndefinition, as Buildkite does at upload (entries of an inline installers list are"
                        + " passed as written)."));
                body.add(new Action.Call("triggerInstallers definition: " + Groovy.quote(file) + jobs));
                return new Stage(uniqueName("Trigger installers"), Optional.of(""), Optional.empty(), Map.of(),
                        Optional.empty(), Optional.empty(), false, body, List.of(), notes);
            }
            boolean conditional = false;
            List<String> entries = new ArrayList<>();
            List<Optional<String>> guards = new ArrayList<>();
            for (TriggerStep trigger : triggers) {
                entries.add(entry(trigger, notes));
                Optional<Guard> guard = guard(trigger);
                conditional |= guard.isPresent();
                guards.add(guard.map(JenkinsfileWriter::scriptedCondition));
            }
            if (!conditional) {
                StringBuilder call = new StringBuilder("triggerInstallers installers: [");
                for (int i = 0; i < entries.size(); i++) {
                    call.append(i == 0 ? "\n    " : ",\n    ").append(entries.get(i));
                }
                call.append("\n]").append(jobs);
                body.add(new Action.Call(call.toString()));
            } else {
                List<String> script = new ArrayList<>();
                script.add("def installers = []");
                for (int i = 0; i < entries.size(); i++) {
                    String add = "installers << " + entries.get(i);
                    script.add(guards.get(i).map(g -> "if (" + g + ") { " + add + " }").orElse(add));
                }
                script.add("triggerInstallers installers: installers" + jobs.replace("\n                  ", " "));
                body.add(new Action.Script(script));
            }
            return new Stage(uniqueName("Trigger installers"), Optional.empty(), Optional.empty(), Map.of(),
                    Optional.empty(), Optional.empty(), false, body, List.of(), notes);
        }

        /** Whether a trigger's build values use Buildkite interpolation ({@code $VAR}, {@code ${VAR}}). */
        private static boolean interpolates(TriggerStep trigger) {
            List<String> values = new ArrayList<>(trigger.build().env().values());
            trigger.build().branch().ifPresent(values::add);
            trigger.build().message().ifPresent(values::add);
            trigger.build().commit().ifPresent(values::add);
            return values.stream().anyMatch(v -> v.contains("$"));
        }

        /** The key {@code triggerInstallers} knows an inline entry by: the trigger's key, else its slug. */
        private static String entryKey(TriggerStep trigger) {
            return trigger.key().orElse(trigger.pipeline());
        }

        private String entry(TriggerStep trigger, List<String> notes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!entryKey(trigger).equals(trigger.pipeline())) {
                entry.put("key", entryKey(trigger));
            }
            entry.put("job", trigger.pipeline());
            trigger.label().ifPresent(l -> entry.put("label", l));
            trigger.build().branch().ifPresent(b -> entry.put("branch", b));
            trigger.build().commit().ifPresent(c -> entry.put("commit", c));
            trigger.build().message().ifPresent(m -> entry.put("message", m));
            if (!trigger.build().env().isEmpty()) {
                entry.put("env", trigger.build().env());
            }
            if (!trigger.build().metaData().isEmpty()) {
                entry.put("metaData", trigger.build().metaData());
            }
            List<String> dependsOn = new ArrayList<>();
            for (Dependency dependency : trigger.dependsOn()) {
                Step target = byKey.get(dependency.key());
                if (target instanceof TriggerStep other) {
                    dependsOn.add(entryKey(other));
                } else {
                    // Other dependencies are kept by the stage order: the trigger stage runs after them.
                    notes.add("'" + trigger.pipeline() + "' depends on '" + dependency.key()
                            + "', which runs in an earlier stage");
                }
            }
            if (dependsOn.size() == 1) {
                entry.put("dependsOn", dependsOn.get(0));
            } else if (dependsOn.size() > 1) {
                entry.put("dependsOn", dependsOn);
            }
            if (trigger.async()) {
                entry.put("async", true);
            }
            return Groovy.map(entry);
        }

        private void unconvertedTriggerAttributes(TriggerStep trigger, List<String> notes) {
            if (trigger.softFail().anyExitStatus() || !trigger.softFail().exitStatuses().isEmpty()) {
                warn(trigger.location(), trigger, "soft_fail on a trigger is not converted: use"
                        + " triggerInstallers(wait: true, propagate: false) and inspect the returned states", notes);
            }
        }

        /**
         * Flags a step that waits for non-async trigger steps (directly or through wait/block barriers): on Buildkite
         * such a trigger finishes when its build finishes or blocks, while triggerInstallers returns once every
         * installer build runs or is paused at its gate.
         */
        private void waitsForTriggers(Step step, List<String> notes) {
            List<String> slugs = collectTriggers(keyOf.get(step));
            if (!slugs.isEmpty()) {
                warn(step.location(), step, "waits for the trigger steps " + slugs + ", which on Buildkite finish"
                        + " when their builds finish or block; triggerInstallers returns once every installer build"
                        + " runs or is paused at its gate: where this step needs the installers' outputs (as"
                        + " uploadReleaseArtifact(fromInstallers: true) does), pass wait: true on those builds", notes);
            }
        }

        /**
         * The slugs of the non-async triggers that step {@code key} depends on, directly or through wait and block
         * steps, in the order a depth-first walk of its dependencies meets them; each dependency is looked at once.
         * An explicit stack, so a long run of barriers cannot overflow the thread's stack.
         */
        private List<String> collectTriggers(String key) {
            List<String> slugs = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            java.util.Deque<java.util.Iterator<io.jenkins.plugins.installerpipeline.plan.PlannedDependency>> walk =
                    new java.util.ArrayDeque<>();
            walk.push(plan.step(key).orElseThrow().dependsOn().iterator());
            while (!walk.isEmpty()) {
                if (!walk.peek().hasNext()) {
                    walk.pop();
                    continue;
                }
                var dependency = walk.peek().next();
                if (!seen.add(dependency.key())) {
                    continue;
                }
                Step target = byKey.get(dependency.key());
                if (target instanceof TriggerStep trigger && !trigger.async()) {
                    slugs.add(trigger.pipeline());
                } else if (target instanceof WaitStep || target instanceof BlockStep) {
                    walk.push(plan.step(dependency.key()).orElseThrow().dependsOn().iterator());
                }
            }
            return slugs;
        }

        private void wait(WaitStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes);
            if (step.continueOnFailure()) {
                warn(step.location(), step, "continue_on_failure is not converted: a failed Jenkins stage stops"
                        + " the stages after it; wrap the earlier steps in catchError", notes);
            }
        }

        // ---- shared attributes ---------------------------------------------------------------------------------

        private void common(Step step, List<String> notes) {
            StepCommon common = step.common();
            if (common.allowDependencyFailure()
                    || common.dependsOn().stream().anyMatch(Dependency::allowFailure)) {
                warn(step.location(), step, "allow_dependency_failure / allow_failure is not converted: a failed"
                        + " Jenkins stage stops the stages after it; wrap the earlier steps in catchError", notes);
            }
            for (ExtraAttribute extra : common.extras()) {
                if (KNOWN_EXTRAS.contains(extra.name())) {
                    warn(extra.location(), step, extra.name() + " is not converted" + extraAdvice(extra.name()), notes);
                } else {
                    notes.add("not converted: " + extra.name() + " (unknown to Buildkite)");
                }
            }
        }

        private static String extraAdvice(String name) {
            return switch (name) {
                case "notify" -> ": use a post section with mail, slackSend or the like";
                case "cancel_on_build_failing" -> ": Jenkins' parallel has failFast";
                case "concurrency_method" -> ": use the Lockable Resources plugin's lock step";
                case "image", "mount_checkout" -> ": run the stage in a container with agent { docker ... }";
                case "secrets" -> ": bind Jenkins credentials with withCredentials";
                default -> "";
            };
        }

        private Optional<Guard> guard(Step step) {
            List<IfExpression> conditions = new ArrayList<>();
            boolean engine = false;
            for (Step s : groupOf.containsKey(step) ? List.of(groupOf.get(step), step) : List.of(step)) {
                s.common().condition().ifPresent(conditions::add);
                engine |= !s.common().branches().isEmpty() || s.common().skip().skipped();
            }
            if (!engine && conditions.size() == 1) {
                String expression = conditions.get(0).expression().strip();
                if (TAG_PRESENT.matcher(expression).matches()) {
                    return Optional.of(new Guard.TagBuild(true));
                }
                if (TAG_ABSENT.matcher(expression).matches()) {
                    return Optional.of(new Guard.TagBuild(false));
                }
            }
            if (engine || !conditions.isEmpty()) {
                needsPlan = true;
                return Optional.of(new Guard.Included(keyOf.get(step)));
            }
            return Optional.empty();
        }

        private Optional<String> agent(CommandStep step, List<String> notes) {
            Map<String, String> tags = step.agents().tags().isEmpty() ? definition.agents().tags() : step.agents().tags();
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (!tag.getKey().equals("queue")) {
                    warn(step.location(), step, "agent tag " + tag.getKey() + "=" + tag.getValue() + " is not"
                            + " converted: give the Jenkins agents a label for it and add it to the label"
                            + " expression", notes);
                }
            }
            return Optional.of(tags.getOrDefault("queue", ""));
        }

        private Optional<Integer> retry(CommandStep step, Retry retry, List<String> notes) {
            retry.manual().filter(m -> !m.allowed() || m.permitOnPassed()).ifPresent(m -> warn(step.location(),
                    step, "retry.manual is not converted: Jenkins lets anyone with Build permission replay a"
                            + " build", notes));
            if (retry.automatic().isEmpty()) {
                return Optional.empty();
            }
            boolean selective = retry.automatic().stream()
                    .anyMatch(r -> !r.exitStatuses().isEmpty() || r.signal().isPresent() || r.signalReason().isPresent());
            if (selective) {
                warn(step.location(), step, "retry.automatic for some exit statuses or signals only: Jenkins'"
                        + " retry repeats after any failure", notes);
            }
            int limit = retry.automatic().stream().mapToInt(Retry.AutomaticRetry::limit).max().orElse(0);
            return limit > 0 ? Optional.of(limit + 1) : Optional.empty();
        }

        private List<String> topLevelNotes() {
            List<String> notes = new ArrayList<>();
            if (!definition.notifications().isEmpty()) {
                SourceLocation at = new SourceLocation(definition.file(), lineOfKey("notify"), 1);
                diagnostics.add(Diagnostic.warning(at, "notify is not converted: use a post section with mail,"
                        + " slackSend or the like"));
                notes.add("not converted: notify " + definition.notifications());
            }
            for (ExtraAttribute extra : definition.extras()) {
                // The reader already warned about unknown top-level keys.
                notes.add("not converted: " + extra.name() + ": " + extra.value());
            }
            return notes;
        }

        // ---- helpers -------------------------------------------------------------------------------------------

        private void warn(SourceLocation at, Step step, String message, List<String> notes) {
            diagnostics.add(Diagnostic.warning(at, step.displayName() + ": " + message));
            notes.add("not converted: " + message);
        }

        private String stageName(Step step) {
            String name = step.label().filter(l -> !l.isBlank())
                    .or(step::key)
                    .orElse(step.typeName() + " step at line " + step.location().line());
            return uniqueName(name.replace("\n", " ").strip());
        }

        /**
         * {@code name}, or {@code name (2)}, {@code name (3)}, ...: the first not yet given. Names are never given
         * back, so the search for a name asked for again starts after the suffix it got last time: k stages of one
         * label cost k tries, not k squared.
         */
        private String uniqueName(String name) {
            if (stageNames.add(name)) {
                return name;
            }
            int n = lastSuffix.getOrDefault(name, 1);
            String unique;
            do {
                n++;
                unique = name + " (" + n + ")";
            } while (!stageNames.add(unique));
            lastSuffix.put(name, n);
            return unique;
        }

        /**
         * The first line from {@code from} to {@code to} (1-based, both included) holding {@code text}; {@code from}
         * when there is none. Bounded by the step's own lines, so a line that cannot be found (written with escapes,
         * or folded) costs the step's length, not the rest of the file.
         */
        private int lineOf(String text, int from, int to) {
            String needle = text.strip();
            if (needle.isEmpty()) {
                return from;
            }
            for (int i = Math.max(0, from - 1); i < Math.min(to, lines.length); i++) {
                if (lines[i].contains(needle)) {
                    return i + 1;
                }
            }
            return from;
        }

        /** {@code text.split("\r?\n", -1)} without a regular expression: one pass over a text of any size. */
        private static String[] lines(String text) {
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', start)) {
                int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
                lines.add(text.substring(start, end));
                start = newline + 1;
            }
            lines.add(text.substring(start));
            return lines.toArray(new String[0]);
        }

        /** The 1-based column of {@code text} on {@code line}, or 1. */
        private int columnOf(String text, int line) {
            int index = line - 1 < lines.length && !text.isBlank() ? lines[line - 1].indexOf(text.strip()) : -1;
            return index < 0 ? 1 : index + 1;
        }

        private int lineOfKey(String key) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith(key + ":")) {
                    return i + 1;
                }
            }
            return 1;
        }
    }

    // ---- the definition with every step included ----------------------------------------------------------------

    /** The same definition with every {@code if}, {@code branches} and {@code skip} removed. */
    static PipelineDefinition unconditional(PipelineDefinition definition) {
        return new PipelineDefinition(definition.file(),
                definition.steps().stream().map(JenkinsfileConverter::unconditional).toList(),
                definition.env(), definition.agents(), definition.notifications(), definition.extras());
    }

    private static Step unconditional(Step step) {
        StepCommon c = step.common();
        StepCommon common = new StepCommon(c.key(), c.label(), Optional.empty(), c.dependsOn(), c.dependsOnNothing(),
                c.allowDependencyFailure(), List.of(), Skip.NOT_SKIPPED, c.extras());
        if (step instanceof CommandStep s) {
            return new CommandStep(s.location(), common, s.commands(), s.env(), s.agents(), s.artifactPaths(),
                    s.timeoutInMinutes(), s.retry(), s.softFail(), s.plugins(), s.matrix(), s.parallelism(),
                    s.concurrency(), s.priority());
        }
        if (step instanceof WaitStep s) {
            return new WaitStep(s.location(), common, s.continueOnFailure());
        }
        if (step instanceof BlockStep s) {
            return new BlockStep(s.location(), common, s.prompt(), s.fields(), s.blockedState(), s.allowedTeams());
        }
        if (step instanceof InputStep s) {
            return new InputStep(s.location(), common, s.prompt(), s.fields(), s.allowedTeams());
        }
        if (step instanceof TriggerStep s) {
            return new TriggerStep(s.location(), common, s.pipeline(), s.async(), s.build(), s.softFail());
        }
        GroupStep s = (GroupStep) step;
        return new GroupStep(s.location(), common, s.steps().stream().map(JenkinsfileConverter::unconditional).toList());
    }
}

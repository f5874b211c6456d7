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
import io.jenkins.plugins.installerpipeline.plan.TriggerDependency;
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
 *   <li>{@code wait}, {@code block} and {@code depends_on}: the order of stages, from the planner's dependency layers
 *       ({@link StageLayout}): the steps of one layer run in {@code parallel};</li>
 *   <li>command step: a stage running its commands as one script ({@link CommandScript}: {@code sh}, or {@code bat}
 *       and {@code powershell} for Windows scripts) on a node labelled with {@code agents.queue}, with {@code env},
 *       {@code timeout_in_minutes} ({@code timeout}), {@code retry.automatic} ({@code retry}), {@code soft_fail}
 *       ({@code catchError}) and {@code artifact_paths} ({@code archiveArtifacts}, also after a failure);</li>
 *   <li>{@code buildkite-agent artifact} lines: {@code fetchUpstreamArtifacts}, {@code stash}/{@code unstash} or
 *       {@code archiveArtifacts} ({@link ArtifactHandoffs}); other {@code buildkite-agent} calls, also inside the
 *       scripts a command runs: a warning;</li>
 *   <li>trigger steps: {@code triggerInstallers installers: [...]} outside any node, one call per layer, a trigger
 *       depending on another in the same call with {@code dependsOn}; build values with {@code ${...}} are taken
 *       from the engine's plan for the build, read once at the start;</li>
 *   <li>a {@code block} with an {@code if}: {@code blockUnlessTag} with that condition and its prompt as message;
 *       other {@code block}/{@code input} steps: {@code input} with their fields as parameters;</li>
 *   <li>{@code if: build.tag != null}: {@code when { buildingTag() }}; any other {@code if}, {@code branches} or
 *       {@code skip}: the engine decides at run time through {@code readPipelineDefinition};</li>
 *   <li>every string: Buildkite's upload-time interpolation ({@link Expansions}): escapes resolved, {@code ${...}}
 *       written for whatever expands it in Jenkins.</li>
 * </ul>
 * Constructs with no faithful Jenkins form (matrix, plugins, notify, concurrency, parallelism, priority,
 * {@code pipeline upload}, ...) are kept as comments in place and reported as warnings with their location.
 */
public final class JenkinsfileConverter {

    private static final Pattern TAG_PRESENT = Pattern.compile("build\\.tag\\s*!=\\s*null");
    /** Top-level keys Buildkite reads that the definition keeps as extras. */
    private static final Set<String> TOP_LEVEL_EXTRAS = Set.of("secrets", "image", "priority", "checkout");
    private static final Pattern TAG_ABSENT = Pattern.compile("build\\.tag\\s*==\\s*null");

    private JenkinsfileConverter() {}

    /**
     * Reads and validates {@code text} (no interpolation: {@code ${...}} is expressed in Jenkins' terms instead) and
     * converts it.
     *
     * @param file    the file name as the user gave it, used in diagnostics and comments
     * @param text    the definition
     * @param options style, job names, the definition path for run-time decisions, the scripts the commands run
     * @return the Jenkinsfile with warnings, or the definition's errors
     */
    public static ConversionResult convert(String file, String text, ConvertOptions options) {
        Converted converted = model(file, text, options);
        return new ConversionResult(converted.pipeline().map(p -> JenkinsfileWriter.write(p, options)),
                converted.diagnostics());
    }

    /** The converted pipeline before it is written, or the errors; for the writer and for tests of the stage order. */
    static Converted model(String file, String text, ConvertOptions options) {
        ReadResult read = DefinitionReader.read(file, text, Planner.validationOptions().withLimits(options.limits()));
        if (read.definition().isEmpty()) {
            return new Converted(Optional.empty(), read.diagnostics());
        }
        Conversion conversion = new Conversion(read.definition().get(), text, options);
        Optional<ConvertedPipeline> pipeline = conversion.run();
        return new Converted(pipeline, read.diagnostics().plus(Diagnostics.of(conversion.diagnostics)));
    }

    /** @param pipeline present when the definition is valid */
    record Converted(Optional<ConvertedPipeline> pipeline, Diagnostics diagnostics) {}

    /** One conversion run. */
    private static final class Conversion {
        private final PipelineDefinition definition;
        private final SourceText source;
        private final ConvertOptions options;
        private final List<Diagnostic> diagnostics = new ArrayList<>();
        private final Map<String, Step> byKey = new HashMap<>();
        private final Map<Step, String> keyOf = new java.util.IdentityHashMap<>();
        private final Map<Step, GroupStep> groupOf = new java.util.IdentityHashMap<>();
        private final Set<String> stageNames = new HashSet<>();
        /** For each stage name asked for more than once, the last suffix given ({@link #uniqueName}). */
        private final Map<String, Integer> lastSuffix = new HashMap<>();
        /** Warnings for steps that wait for triggers of an earlier call, by step key. */
        private final Map<String, List<String>> triggerWaits = new HashMap<>();
        private ArtifactHandoffs handoffs;
        private CommandScript commands;
        private boolean needsIncluded;
        private boolean needsInstallerHelper;

        Conversion(PipelineDefinition definition, String text, ConvertOptions options) {
            this.definition = definition;
            this.source = new SourceText(definition, text);
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
            List<Step> all = definition.allSteps();
            for (int i = 0; i < all.size(); i++) {
                String key = plan.steps().get(i).key();
                byKey.put(key, all.get(i));
                keyOf.put(all.get(i), key);
                if (all.get(i) instanceof GroupStep group) {
                    group.steps().forEach(s -> groupOf.put(s, group));
                }
            }
            handoffs = new ArtifactHandoffs(definition, keyOf);
            commands = new CommandScript(source, handoffs, options.scripts(),
                    definition.env().keySet(), diagnostics);
            List<String> notes = topLevelNotes();
            Map<String, String> env = env(definition.env(), 1, Optional.empty());
            StageLayout layout = StageLayout.of(plan);
            layout.waits().forEach(w -> triggerWaits.put(w.key(), w.triggers().stream()
                    .map(k -> ((TriggerStep) byKey.get(k)).pipeline()).toList()));
            List<List<Stage>> layers = new ArrayList<>();
            for (List<StageLayout.Slot> slot : layout.slots()) {
                List<Stage> stages = new ArrayList<>();
                for (StageLayout.Slot s : slot) {
                    stages.add(s instanceof StageLayout.TriggerCall call ? triggers(call)
                            : step(byKey.get(((StageLayout.StepSlot) s).key())));
                }
                layers.add(stages);
            }
            for (Step step : all) {
                if (step instanceof WaitStep wait) {
                    wait(wait);
                } else if (step instanceof GroupStep group) {
                    common(group, new ArrayList<>(), false);
                }
            }
            Optional<String> planFile = needsIncluded || needsInstallerHelper
                    ? Optional.of(options.definitionPath().orElse(definition.file()))
                    : Optional.empty();
            return Optional.of(new ConvertedPipeline(definition.file(), env, notes, planFile, needsIncluded,
                    needsInstallerHelper, layers));
        }

        private Stage step(Step step) {
            if (step instanceof CommandStep command) {
                return command(command);
            }
            if (step instanceof BlockStep block) {
                return block(block);
            }
            return input((InputStep) step);
        }

        // ---- steps -------------------------------------------------------------------------------------------

        private Stage command(CommandStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes, false);
            waitsForTriggers(step, notes);
            Map<String, String> tags = step.agents().tags().isEmpty() ? definition.agents().tags() : step.agents().tags();
            Optional<String> agent = agent(step, tags, notes);
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
            Map<String, String> env = env(step.env(), step.location().line(), Optional.of(step));
            CommandScript.Result script = commands.convert(step, tags);
            notes.addAll(script.notes());
            List<Action> body = new ArrayList<>(script.body());
            body.addAll(handoffs.stashesOf(keyOf.get(step)));
            if (body.stream().allMatch(Action.Note.class::isInstance)) {
                // Every line was flagged or handed off; a declarative steps block must still hold a step.
                body.add(new Action.Call("echo 'Nothing to run here: see the comments above.'"));
            }
            Optional<String> archive = Optional.of(step.artifactPaths()).filter(p -> !p.isEmpty())
                    .map(p -> rendered(Expansions.groovy(String.join(", ", p)), step, p.get(0),
                            step.location().line()));
            return new Stage(stageName(step), List.of(keyOf.get(step)), agent, guard(step), env,
                    step.timeoutInMinutes(), attempts,
                    step.softFail().anyExitStatus() || !step.softFail().exitStatuses().isEmpty(), body, archive,
                    notes);
        }

        /** {@code env} values as Groovy expressions, with a warning for each expansion Jenkins cannot express. */
        private Map<String, String> env(Map<String, String> env, int line, Optional<Step> step) {
            Map<String, String> out = new LinkedHashMap<>();
            env.forEach((name, value) -> out.put(name, rendered(Expansions.groovy(value), step.orElse(null), value,
                    line)));
            return out;
        }

        /** The rendered text; its problems become warnings at {@code raw}'s place in the file (at or after {@code line}). */
        private String rendered(Expansions.Rendered rendered, Step step, String raw, int line) {
            String first = raw.lines().findFirst().orElse(raw);
            SourceLocation at = step == null ? source.findAnywhere(first, line) : source.find(first, line);
            for (Expansions.Problem problem : rendered.problems()) {
                String prefix = step == null ? "env: " : step.displayName() + ": ";
                diagnostics.add(Diagnostic.warning(raw.contains("\n") ? at : at.shiftColumns(problem.offset()),
                        prefix + problem.message()));
            }
            return rendered.text();
        }

        private Stage block(BlockStep step) {
            List<String> notes = new ArrayList<>();
            Optional<IfExpression> condition = step.common().condition();
            String message = text(step, step.prompt().or(step::label).orElse("Continue?"), "the prompt");
            if (step.blockedState() != BlockedState.PASSED) {
                warn(step.location(), step, "blocked_state: " + step.blockedState().name().toLowerCase(java.util.Locale.ROOT)
                        + " has no Jenkins equivalent: a build waiting at input shows as running", notes);
            }
            common(step, notes, false);
            waitsForTriggers(step, notes);
            if (condition.isPresent()) {
                // The gate exists only when the condition holds: blockUnlessTag asks the engine at run time.
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
                return new Stage(stageName(step), List.of(keyOf.get(step)), Optional.empty(), Optional.empty(),
                        Map.of(), Optional.empty(), Optional.empty(), false,
                        List.of(new Action.Call(call.toString())), Optional.empty(), notes);
            }
            return new Stage(stageName(step), List.of(keyOf.get(step)), Optional.empty(), guard(step), Map.of(),
                    Optional.empty(), Optional.empty(), false,
                    List.of(new Action.Call(input(step, message, step.fields(), step.allowedTeams()))),
                    Optional.empty(), notes);
        }

        private Stage input(InputStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes, false);
            waitsForTriggers(step, notes);
            String message = text(step, step.prompt().or(step::label).orElse("Continue?"), "the prompt");
            return new Stage(stageName(step), List.of(keyOf.get(step)), Optional.empty(), guard(step), Map.of(),
                    Optional.empty(), Optional.empty(), false,
                    List.of(new Action.Call(input(step, message, step.fields(), step.allowedTeams()))),
                    Optional.empty(), notes);
        }

        private String input(Step step, String message, List<BlockField> fields, List<String> teams) {
            StringBuilder call = new StringBuilder("input message: ").append(Groovy.quote(message));
            submitter(teams).ifPresent(s -> call.append(", submitter: ").append(Groovy.quote(s)));
            if (!fields.isEmpty()) {
                call.append(", parameters: [");
                for (int i = 0; i < fields.size(); i++) {
                    call.append(i == 0 ? "\n    " : ",\n    ").append(parameter(step, fields.get(i)));
                }
                call.append("\n]");
            }
            return call.toString();
        }

        private String parameter(Step step, BlockField field) {
            String description = text(step, field.label().orElse(field.key())
                    + field.hint().map(h -> ": " + h).orElse(""), "the field");
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
                return "choice(name: " + Groovy.quote(field.key()) + ", choices: "
                        + Groovy.list(choices.stream().map(c -> text(step, c, "the option")).toList())
                        + ", description: " + Groovy.quote(description) + ")";
            }
            field.format().ifPresent(f -> diagnostics.add(Diagnostic.warning(field.location(), "text field '"
                    + field.key() + "' format " + f + " is not checked by Jenkins' string parameter")));
            return "string(name: " + Groovy.quote(field.key()) + ", defaultValue: "
                    + Groovy.quote(field.defaults().isEmpty() ? "" : text(step, field.defaults().get(0), "the default"))
                    + ", description: " + Groovy.quote(description) + ")";
        }

        private Optional<String> submitter(List<String> teams) {
            // Buildkite teams map to Jenkins groups of the same name, which the input step accepts as submitters.
            return teams.isEmpty() ? Optional.empty() : Optional.of(String.join(",", teams));
        }

        // ---- triggers ------------------------------------------------------------------------------------------

        /**
         * One {@code triggerInstallers} call, outside any node: it holds no executor while the installer builds are
         * scheduled or waited for. Entries are written in the Jenkinsfile; a trigger whose values use {@code ${...}}
         * gets them from the engine's plan of this build ({@code buildkiteInstaller}), interpolated as Buildkite does
         * at upload, since inline values are passed as written.
         */
        private Stage triggers(StageLayout.TriggerCall call) {
            List<String> notes = new ArrayList<>();
            List<TriggerStep> triggers = call.triggers().stream().map(k -> (TriggerStep) byKey.get(k)).toList();
            String jobs = options.jobs().isEmpty() ? "" : ", jobs: " + Groovy.map(options.jobs());
            List<String> entries = new ArrayList<>();
            List<Optional<String>> guards = new ArrayList<>();
            for (TriggerStep trigger : triggers) {
                String key = keyOf.get(trigger);
                List<TriggerDependency> dependsOn = call.dependsOn().getOrDefault(key, List.of());
                common(trigger, notes, dependsOn.stream().anyMatch(TriggerDependency::allowFailure));
                waitsForTriggers(trigger, notes);
                unconvertedTriggerAttributes(trigger, notes);
                entries.add(entry(trigger, dependsOn));
                Optional<Guard> guard = guard(trigger);
                guards.add(guard.map(JenkinsfileWriter::scriptedCondition));
            }
            List<Action> body = new ArrayList<>();
            if (guards.stream().allMatch(Optional::isEmpty)) {
                StringBuilder text = new StringBuilder("triggerInstallers installers: [");
                for (int i = 0; i < entries.size(); i++) {
                    text.append(i == 0 ? "\n    " : ",\n    ").append(entries.get(i));
                }
                text.append("\n]").append(jobs);
                // A script block in declarative syntax: its steps block takes literal arguments only, and the
                // entries are maps, some computed by buildkiteInstaller.
                body.add(new Action.Script(List.of(text.toString())));
            } else {
                List<String> script = new ArrayList<>();
                script.add("def installers = []");
                for (int i = 0; i < entries.size(); i++) {
                    String add = "installers << " + entries.get(i);
                    script.add(guards.get(i).map(g -> "if (" + g + ") { " + add + " }").orElse(add));
                }
                script.add("triggerInstallers installers: installers" + jobs);
                body.add(new Action.Script(script));
            }
            String name = triggers.size() == 1 ? stageName(triggers.get(0)) : uniqueName("Trigger installers");
            return new Stage(name, call.triggers(), Optional.empty(), Optional.empty(), Map.of(), Optional.empty(),
                    Optional.empty(), false, body, Optional.empty(), notes);
        }

        /** Whether a trigger's values use Buildkite interpolation ({@code $VAR}, {@code ${VAR}}, {@code $$}). */
        private static boolean interpolates(TriggerStep trigger) {
            List<String> values = new ArrayList<>(trigger.build().env().values());
            values.addAll(trigger.build().metaData().values());
            values.add(trigger.pipeline());
            trigger.build().branch().ifPresent(values::add);
            trigger.build().message().ifPresent(values::add);
            trigger.build().commit().ifPresent(values::add);
            return values.stream().anyMatch(v -> v.contains("$"));
        }

        /** The key {@code triggerInstallers} knows an inline entry by: the trigger's key, else its slug. */
        private static String entryKey(TriggerStep trigger) {
            return trigger.key().orElse(trigger.pipeline());
        }

        private String entry(TriggerStep trigger, List<TriggerDependency> dependsOn) {
            Map<String, Object> entry = new LinkedHashMap<>();
            if (!entryKey(trigger).equals(trigger.pipeline())) {
                entry.put("key", entryKey(trigger));
            }
            entry.put("job", trigger.pipeline());
            trigger.label().ifPresent(l -> entry.put("label", text(trigger, l, "the label")));
            boolean interpolated = interpolates(trigger);
            if (!interpolated) {
                trigger.build().branch().ifPresent(b -> entry.put("branch", b));
                trigger.build().commit().ifPresent(c -> entry.put("commit", c));
                trigger.build().message().ifPresent(m -> entry.put("message", m));
                if (!trigger.build().env().isEmpty()) {
                    entry.put("env", trigger.build().env());
                }
                if (!trigger.build().metaData().isEmpty()) {
                    entry.put("metaData", trigger.build().metaData());
                }
            }
            dependsOn(dependsOn).ifPresent(d -> entry.put("dependsOn", d));
            if (trigger.async()) {
                entry.put("async", true);
            }
            if (!interpolated) {
                return Groovy.map(entry);
            }
            needsInstallerHelper = true;
            return "buildkiteInstaller(" + Groovy.quote(keyOf.get(trigger)) + ", " + Groovy.map(entry) + ")";
        }

        /**
         * The {@code dependsOn} of an entry: keys, maps for dependencies allowed to fail, and a dependency that
         * this build may leave out only when it is in (Buildkite treats a step that is not in the build as passed).
         */
        private Optional<Object> dependsOn(List<TriggerDependency> dependencies) {
            if (dependencies.isEmpty()) {
                return Optional.empty();
            }
            List<Object> always = new ArrayList<>();
            List<String> conditional = new ArrayList<>();
            for (TriggerDependency dependency : dependencies) {
                TriggerStep target = (TriggerStep) byKey.get(dependency.key());
                Map<String, Object> allowed = new LinkedHashMap<>();
                allowed.put("key", entryKey(target));
                allowed.put("allowFailure", true);
                Object item = dependency.allowFailure() ? allowed : entryKey(target);
                Optional<Guard> guard = guard(target);
                if (guard.isPresent()) {
                    conditional.add("(" + JenkinsfileWriter.scriptedCondition(guard.get()) + " ? ["
                            + Groovy.literal(item) + "] : [])");
                } else {
                    always.add(item);
                }
            }
            if (conditional.isEmpty()) {
                return Optional.of(always.size() == 1 ? always.get(0) : always);
            }
            return Optional.of(new Groovy.Code(Groovy.list(always) + " + " + String.join(" + ", conditional)));
        }

        private void unconvertedTriggerAttributes(TriggerStep trigger, List<String> notes) {
            if (trigger.softFail().anyExitStatus() || !trigger.softFail().exitStatuses().isEmpty()) {
                warn(trigger.location(), trigger, "soft_fail on a trigger is not converted: use"
                        + " triggerInstallers(wait: true, propagate: false) and inspect the returned states", notes);
            }
        }

        /**
         * Flags a step that waits for non-async triggers started by an earlier {@code triggerInstallers} call: on
         * Buildkite such a trigger finishes when its build finishes or blocks, while the call (without {@code wait})
         * returns once the installer builds are queued.
         */
        private void waitsForTriggers(Step step, List<String> notes) {
            List<String> slugs = triggerWaits.getOrDefault(keyOf.get(step), List.of());
            if (!slugs.isEmpty()) {
                warn(step.location(), step, "waits for the trigger steps " + slugs + ", which on Buildkite finish"
                        + " when their builds finish or block; triggerInstallers returns once the installer builds are"
                        + " queued: where this step needs the installers' outputs (as"
                        + " uploadReleaseArtifact(fromInstallers: true) does), pass wait: true on those builds", notes);
            }
        }

        private void wait(WaitStep step) {
            List<String> notes = new ArrayList<>();
            common(step, notes, false);
            if (step.continueOnFailure()) {
                warn(step.location(), step, "continue_on_failure is not converted: a failed Jenkins stage stops"
                        + " the stages after it; wrap the earlier steps in catchError", notes);
            }
        }

        // ---- shared attributes ---------------------------------------------------------------------------------

        /**
         * Warnings for what every step may have.
         *
         * @param failureConverted the step's allowed failures are expressed (a trigger's {@code dependsOn} maps)
         */
        private void common(Step step, List<String> notes, boolean failureConverted) {
            StepCommon common = step.common();
            if (!failureConverted && (common.allowDependencyFailure()
                    || common.dependsOn().stream().anyMatch(Dependency::allowFailure))) {
                warn(step.location(), step, "allow_dependency_failure / allow_failure is not converted: a failed"
                        + " Jenkins stage stops the stages after it; wrap the earlier steps in catchError", notes);
            }
            // The reader refuses attributes Buildkite does not know: every extra is a Buildkite attribute.
            for (ExtraAttribute extra : common.extras()) {
                warn(extra.location(), step, extra.name() + " is not converted" + extraAdvice(extra.name()), notes);
            }
        }

        private static String extraAdvice(String name) {
            return switch (name) {
                case "notify" -> ": use a post section with mail, slackSend or the like";
                case "cancel_on_build_failing" -> ": Jenkins' parallel has failFast";
                case "concurrency_method" -> ": use the Lockable Resources plugin's lock step";
                case "image" -> ": run the stage in a container with agent { docker ... }";
                case "secrets" -> ": bind Jenkins credentials with withCredentials";
                case "if_changed" -> ": declarative when { changeset '...' } is close (it compares with the"
                        + " previous build's changes, not with a base branch)";
                case "checkout" -> ": configure the checkout in the job, or call checkout scm with options";
                case "submit" -> ": input's ok: parameter names the button";
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
                needsIncluded = true;
                return Optional.of(new Guard.Included(keyOf.get(step)));
            }
            return Optional.empty();
        }

        private Optional<String> agent(CommandStep step, Map<String, String> tags, List<String> notes) {
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                if (!tag.getKey().equals("queue")) {
                    warn(step.location(), step, "agent tag " + tag.getKey() + "=" + tag.getValue() + " is not"
                            + " converted: give the Jenkins agents a label for it and add it to the label"
                            + " expression", notes);
                }
            }
            return Optional.of(text(step, tags.getOrDefault("queue", ""), "the queue"));
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
                SourceLocation at = new SourceLocation(definition.file(), source.lineOfKey("notify"), 1);
                diagnostics.add(Diagnostic.warning(at, "notify is not converted: use a post section with mail,"
                        + " slackSend or the like"));
                notes.add("not converted: notify " + definition.notifications());
            }
            for (ExtraAttribute extra : definition.extras()) {
                // The reader already warned about unknown top-level keys; Buildkite's own are warned here.
                if (TOP_LEVEL_EXTRAS.contains(extra.name())) {
                    diagnostics.add(Diagnostic.warning(extra.location(), extra.name() + " is not converted"
                            + extraAdvice(extra.name())));
                }
                notes.add("not converted: " + extra.name() + ": " + extra.value());
            }
            return notes;
        }

        // ---- helpers -------------------------------------------------------------------------------------------

        private void warn(SourceLocation at, Step step, String message, List<String> notes) {
            diagnostics.add(Diagnostic.warning(at, step.displayName() + ": " + message));
            notes.add("not converted: " + message);
        }

        /** Text Jenkins shows as written (a label, a prompt): escapes resolved; an expansion kept, with a warning. */
        private String text(Step step, String raw, String what) {
            return rendered(Expansions.text(raw, what), step, raw, step.location().line());
        }

        private String stageName(Step step) {
            String name = step.label().filter(l -> !l.isBlank()).map(l -> text(step, l, "the label"))
                    .or(step::key)
                    .orElse(step.typeName() + " step at line " + step.location().line());
            return uniqueName(name.replace("\n", " ").strip());
        }

        private String uniqueName(String name) {
            if (stageNames.add(name)) {
                return name;
            }
            // Count on from the suffix this name was given last: k stages of one label cost k tries, not k squared.
            int n = lastSuffix.getOrDefault(name, 1);
            String unique;
            do {
                n++;
                unique = name + " (" + n + ")";
            } while (!stageNames.add(unique));
            lastSuffix.put(name, n);
            return unique;
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

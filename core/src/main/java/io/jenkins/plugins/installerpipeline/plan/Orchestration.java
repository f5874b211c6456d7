package io.jenkins.plugins.installerpipeline.plan;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.definition.DefinitionFile;
import io.jenkins.plugins.installerpipeline.definition.ReadLimits;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostics;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pipeline's plan together with the plans of the pipelines it triggers, each planned with the context its trigger
 * gives it ({@link TriggeredBuild}): what a whole release does, gates included.
 *
 * @param pipeline   the triggering pipeline's plan
 * @param triggered  the plan of each triggered pipeline whose definition was available, by pipeline slug
 * @param notPlanned the triggered pipelines this build starts that were asked for but could not be planned, by
 *                   pipeline slug, with the reason
 */
public record Orchestration(Plan pipeline, Map<String, Plan> triggered, Map<String, String> notPlanned) {

    public Orchestration {
        Objects.requireNonNull(pipeline, "pipeline");
        triggered = Collections.unmodifiableMap(new LinkedHashMap<>(triggered));
        notPlanned = Collections.unmodifiableMap(new LinkedHashMap<>(notPlanned));
    }

    /**
     * Plans every pipeline that {@code pipeline} starts in this build and whose definition {@code definitionOf}
     * finds; one that was asked for but is not found is in {@link #notPlanned()}.
     *
     * @param pipeline     the triggering pipeline's plan
     * @param context      the triggering build
     * @param definitionOf the definition of a pipeline slug, or why there is none ({@link ChildDefinition#lookup})
     * @return the orchestration, or the diagnostics of the triggered definitions that could not be planned
     * @throws IOException when a definition file exists but cannot be read; a {@link FileSystemException} naming it
     */
    public static Result of(Plan pipeline, BuildContext context, Function<String, ChildDefinition> definitionOf)
            throws IOException {
        return of(pipeline, context, definitionOf, ReadLimits.DEFAULT);
    }

    /**
     * {@link #of(Plan, BuildContext, Function)}, reading each triggered definition within {@code limits} (as
     * {@link DefinitionFile#read} does: a file too large, or not a regular file, is refused unread).
     */
    public static Result of(Plan pipeline, BuildContext context, Function<String, ChildDefinition> definitionOf,
            ReadLimits limits) throws IOException {
        Map<String, Plan> triggered = new LinkedHashMap<>();
        Map<String, String> notPlanned = new LinkedHashMap<>();
        Diagnostics diagnostics = Diagnostics.none();
        for (PlannedStep trigger : pipeline.includedTriggers()) {
            String slug = trigger.trigger().orElseThrow().pipeline();
            if (triggered.containsKey(slug) || notPlanned.containsKey(slug)) {
                continue;
            }
            ChildDefinition definition = definitionOf.apply(slug);
            if (definition instanceof ChildDefinition.Missing missing) {
                notPlanned.put(slug, missing.reason());
            }
            if (!(definition instanceof ChildDefinition.File file)) {
                continue;
            }
            String text;
            try {
                text = DefinitionFile.read(file.path(), limits);
            } catch (FileSystemException e) {
                throw e;
            } catch (IOException e) {
                // Say which file: a file that is not UTF-8, say, fails with no name, and the caller has several.
                throw (IOException) new FileSystemException(file.path().toString(), null, e.getMessage()).initCause(e);
            }
            PlanResult child = Planner.plan(file.path().toString(), text, TriggeredBuild.contextFor(trigger, context),
                    limits);
            diagnostics = diagnostics.plus(child.diagnostics());
            child.plan().ifPresent(plan -> triggered.put(slug, plan));
        }
        return diagnostics.hasErrors()
                ? new Result(Optional.empty(), diagnostics)
                : new Result(Optional.of(new Orchestration(pipeline, triggered, notPlanned)), diagnostics);
    }

    /**
     * The orchestration as plain maps: the pipeline's plan, plus {@code "triggered": {slug: plan}} and, when some
     * were not planned, {@code "not_planned": {slug: reason}}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>(pipeline.toMap());
        Map<String, Object> children = new LinkedHashMap<>();
        triggered.forEach((slug, plan) -> children.put(slug, plan.toMap()));
        map.put("triggered", children);
        if (!notPlanned.isEmpty()) {
            map.put("not_planned", notPlanned);
        }
        return map;
    }

    /**
     * An orchestration, or why there is none.
     *
     * @param orchestration present exactly when {@code diagnostics} has no error
     * @param diagnostics   problems in the triggered pipelines' definitions
     */
    public record Result(Optional<Orchestration> orchestration, Diagnostics diagnostics) {
        public Result {
            Objects.requireNonNull(orchestration, "orchestration");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }
    }
}

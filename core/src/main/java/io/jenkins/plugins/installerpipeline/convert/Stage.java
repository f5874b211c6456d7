package io.jenkins.plugins.installerpipeline.convert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Jenkins stage the converter made from a Buildkite step, before it is written in either syntax.
 *
 * @param name          the stage name (the step's label, made unique)
 * @param keys          the plan keys of the steps the stage runs
 * @param agent         {@code label} for a node with that label, empty string for any node; empty for no node
 * @param guard         when the stage runs, if not always
 * @param env           the step's {@code env}: each name with its value as a Groovy expression
 * @param timeoutMinutes {@code timeout_in_minutes}
 * @param attempts      total attempts ({@code retry.automatic} limit + 1), if retried
 * @param softFail      {@code soft_fail}: a failure marks the stage unstable and the build goes on
 * @param body          what the stage does
 * @param archive       {@code artifact_paths} as a Groovy string expression: archived after the body, also when it
 *                      fails (as Buildkite does)
 * @param notes         comments written above the stage (what was not converted, and why)
 */
record Stage(
        String name,
        List<String> keys,
        Optional<String> agent,
        Optional<Guard> guard,
        Map<String, String> env,
        Optional<Integer> timeoutMinutes,
        Optional<Integer> attempts,
        boolean softFail,
        List<Action> body,
        Optional<String> archive,
        List<String> notes) {

    Stage {
        Objects.requireNonNull(name, "name");
        keys = List.copyOf(keys);
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(guard, "guard");
        env = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env));
        body = List.copyOf(body);
        Objects.requireNonNull(archive, "archive");
        notes = List.copyOf(notes);
    }

    /** When a stage runs. */
    sealed interface Guard permits Guard.TagBuild, Guard.Included {
        /** {@code if: build.tag != null} (or {@code == null} when {@code tag} is false). */
        record TagBuild(boolean tag) implements Guard {}

        /** The engine decides at run time: the step with this key is included in the plan for this build. */
        record Included(String key) implements Guard {}
    }

    /** One thing a stage does. */
    sealed interface Action permits Action.Shell, Action.Call, Action.Script, Action.Note, Action.InDirectory {
        /** Commands run as one script by {@code sh}, {@code bat} or {@code powershell}. */
        record Shell(ShellKind kind, List<String> lines) implements Action {
            public Shell {
                Objects.requireNonNull(kind, "kind");
                lines = List.copyOf(lines);
            }
        }

        /** A step call, already Groovy (may span lines). */
        record Call(String groovy) implements Action {}

        /** Groovy that is not a step call ({@code def}, {@code if}): a {@code script} block in declarative syntax. */
        record Script(List<String> lines) implements Action {
            public Script {
                lines = List.copyOf(lines);
            }
        }

        /** A comment. */
        record Note(String text) implements Action {}

        /** {@code dir(path) { body }}. */
        record InDirectory(String path, List<Action> body) implements Action {
            public InDirectory {
                body = List.copyOf(body);
            }
        }
    }
}

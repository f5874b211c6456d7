package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.convert.ArtifactHandoffs.Handoff;
import io.jenkins.plugins.installerpipeline.convert.Stage.Action;
import io.jenkins.plugins.installerpipeline.definition.CommandStep;
import io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A command step's commands as Jenkins runs them. Buildkite runs all of a step's commands as one script, so
 * {@code cd}, {@code export} and shell variables carry from line to line; here too they stay in one {@code sh} (or
 * {@code bat}/{@code powershell} on Windows). A {@code buildkite-agent artifact} line becomes a Jenkins step before the
 * script (a download preceded only by {@code mkdir}, {@code echo} and the like) or after it (an upload followed only
 * by {@code echo}); only a hand-off in the middle splits the script, and then the state that is lost is named in a
 * warning. The scripts the commands run are read, when they can be, for {@code buildkite-agent} calls that would fail
 * on Jenkins.
 */
final class CommandScript {

    private static final Pattern WINDOWS = Pattern.compile("(?i)(^|[^a-z])win(dows)?([^a-z]|$)");
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\1");

    /**
     * What a command step's stage does.
     *
     * @param shell the shell its commands run in
     * @param body  the stage's work, in order
     * @param notes comments above the stage
     */
    record Result(ShellKind shell, List<Action> body, List<String> notes) {
        Result {
            body = List.copyOf(body);
            notes = List.copyOf(notes);
        }
    }

    /** One line of a command, as written and as the shell will read it. */
    private record Physical(String raw, String rendered, SourceLocation at) {}

    /** A logical line: physical lines joined by continuations (and a here-document's body). */
    private static final class Logical {
        final List<Physical> lines = new ArrayList<>();
        boolean topLevel;
        /** What a {@code buildkite-agent} line becomes; empty for a line the shell runs. */
        Optional<Handoff> handoff = Optional.empty();
        /** For hand-offs: where the Jenkins steps go. */
        Placement placement = Placement.SPLIT;

        /** Whether Jenkins steps take this line's place (and so may move before or after the script). */
        boolean movesToJenkins() {
            return handoff.orElse(null) instanceof Handoff.Steps;
        }

        String text(ShellKind shell) {
            StringBuilder out = new StringBuilder();
            for (Physical p : lines) {
                String r = p.rendered();
                if (shell == ShellKind.SH && r.endsWith("\\")) {
                    r = r.substring(0, r.length() - 1);
                }
                out.append(out.isEmpty() ? "" : " ").append(r);
            }
            return out.toString();
        }

        SourceLocation at() {
            return lines.get(0).at();
        }
    }

    private enum Placement { BEFORE, AFTER, SPLIT }

    private final SourceText source;
    private final ArtifactHandoffs handoffs;
    private final ScriptSource scripts;
    private final Set<String> topLevelEnv;
    private final List<Diagnostic> diagnostics;
    /** Scripts already reported, so a script several steps run is reported once. */
    private final Set<String> reported = new HashSet<>();

    CommandScript(SourceText source, ArtifactHandoffs handoffs, ScriptSource scripts, Set<String> topLevelEnv,
            List<Diagnostic> diagnostics) {
        this.source = source;
        this.handoffs = handoffs;
        this.scripts = scripts;
        this.topLevelEnv = Set.copyOf(topLevelEnv);
        this.diagnostics = diagnostics;
    }

    /** Converts the commands of {@code step}, which runs on agents with {@code tags}. */
    Result convert(CommandStep step, Map<String, String> tags) {
        List<String> notes = new ArrayList<>();
        ShellKind shell = shellKind(step, tags, notes);
        List<Logical> logical = logicalLines(physicalLines(step, shell), shell);
        classify(step, logical, shell);
        place(logical, shell);
        List<Action> body = emit(step, logical, shell);
        checkScripts(step, logical, shell, notes);
        return new Result(shell, body, notes);
    }

    // ---- which shell -------------------------------------------------------------------------------------------------

    /**
     * {@code bat} when the commands run batch scripts, {@code powershell} when they run PowerShell scripts, or the
     * agents are tagged {@code os=windows}; else {@code sh}, with a warning when the agents' tags name Windows.
     */
    private ShellKind shellKind(CommandStep step, Map<String, String> tags, List<String> notes) {
        boolean batch = false;
        boolean powershell = false;
        boolean posix = false;
        for (String command : step.commands()) {
            for (String line : command.split("\n", -1)) {
                List<String> words = new ArrayList<>(ShellSyntax.commandWords(line, ShellKind.BAT));
                words.addAll(ShellSyntax.scripts(line, ShellKind.BAT));
                for (String word : words) {
                    String w = word.toLowerCase(Locale.ROOT);
                    batch |= w.endsWith(".bat") || w.endsWith(".cmd") || w.equals("call") || w.equals("buildkite-agent.exe");
                    powershell |= w.endsWith(".ps1");
                    posix |= w.endsWith(".sh") || w.endsWith(".bash") || w.equals("bash") || w.equals("sh")
                            || w.equals("source") || w.startsWith("./");
                }
            }
        }
        Optional<String> windowsTag = tags.entrySet().stream()
                .filter(t -> WINDOWS.matcher(t.getKey()).find() || WINDOWS.matcher(t.getValue()).find())
                .map(t -> t.getKey() + "=" + t.getValue()).findFirst();
        boolean windowsOs = tags.entrySet().stream().anyMatch(t -> t.getKey().equalsIgnoreCase("os")
                && t.getValue().toLowerCase(Locale.ROOT).startsWith("windows"));
        if ((batch || powershell) && posix) {
            caution(step, "runs both Windows and POSIX scripts: its commands are kept as sh; split the step by"
                    + " shell", notes);
            return ShellKind.SH;
        }
        if (batch || (windowsOs && !posix && !powershell)) {
            return ShellKind.BAT;
        }
        if (powershell) {
            return ShellKind.POWERSHELL;
        }
        if (windowsTag.isPresent() && !posix) {
            caution(step, "agents " + windowsTag.get() + " names Windows, where Buildkite runs commands with"
                    + " cmd.exe; they are kept as sh, which needs a POSIX shell on the agent: on a Windows agent,"
                    + " change sh to bat (or powershell)", notes);
        }
        return ShellKind.SH;
    }

    // ---- lines -------------------------------------------------------------------------------------------------------

    /** Every line of every command, rendered for the shell, with where it is in the definition. */
    private List<Physical> physicalLines(CommandStep step, ShellKind shell) {
        Set<String> stepEnv = new HashSet<>(step.env().keySet());
        stepEnv.removeAll(topLevelEnv);
        List<Physical> out = new ArrayList<>();
        int searchFrom = step.location().line();
        for (String command : step.commands()) {
            Expansions.Rendered rendered = Expansions.shell(command, shell, stepEnv);
            String[] raw = command.split("\n", -1);
            String[] text = rendered.text().split("\n", -1);
            if (text.length != raw.length) {
                text = raw; // a newline inside an expansion's word: keep the lines as written
            }
            int[] lineStart = new int[raw.length];
            SourceLocation[] at = new SourceLocation[raw.length];
            for (int i = 0, offset = 0; i < raw.length; offset += raw[i].length() + 1, i++) {
                lineStart[i] = offset;
                at[i] = source.find(raw[i], searchFrom);
                searchFrom = Math.max(searchFrom, at[i].line());
                out.add(new Physical(raw[i], text[i], at[i]));
            }
            for (Expansions.Problem problem : rendered.problems()) {
                int line = 0;
                while (line + 1 < raw.length && lineStart[line + 1] <= problem.offset()) {
                    line++;
                }
                int indent = raw[line].length() - raw[line].stripLeading().length();
                SourceLocation where = at[line].shiftColumns(problem.offset() - lineStart[line] - indent);
                diagnostics.add(Diagnostic.warning(where, step.displayName() + ": " + problem.message()));
            }
        }
        return out;
    }

    /** Physical lines joined into the lines the shell reads as one, with whether each is outside compound commands. */
    private static List<Logical> logicalLines(List<Physical> physical, ShellKind shell) {
        List<Logical> out = new ArrayList<>();
        int depth = 0;
        Logical current = null;
        String heredoc = null;
        for (Physical p : physical) {
            if (current == null) {
                current = new Logical();
                current.topLevel = depth == 0;
            }
            current.lines.add(p);
            if (heredoc != null) {
                if (p.rendered().strip().equals(heredoc)) {
                    heredoc = null;
                } else {
                    continue;
                }
            } else if (shell == ShellKind.SH) {
                Matcher m = HEREDOC.matcher(p.rendered());
                if (m.find()) {
                    heredoc = m.group(2);
                    continue;
                }
            }
            if (heredoc == null && ShellSyntax.continues(p.rendered(), shell)) {
                continue;
            }
            depth = Math.max(0, depth + ShellSyntax.depthChange(current.text(shell), shell));
            out.add(current);
            current = null;
        }
        if (current != null) {
            out.add(current);
        }
        return out;
    }

    // ---- buildkite-agent lines ---------------------------------------------------------------------------------------

    private void classify(CommandStep step, List<Logical> lines, ShellKind shell) {
        Optional<Logical> movedDirectory = Optional.empty();
        for (Logical line : lines) {
            String text = line.text(shell);
            Optional<AgentCommand> command = AgentCommand.parse(text);
            if (command.isPresent()) {
                if (!line.topLevel) {
                    line.handoff = Optional.of(new Handoff.Flagged("it runs inside a compound command (if, for, a"
                            + " block), where no Jenkins step can take its place: do the hand-off before or after the"
                            + " commands"));
                    continue;
                }
                Handoff handoff = handoffs.handoff(step, text, command.get());
                if (handoff instanceof Handoff.Steps && movedDirectory.isPresent()) {
                    Logical cd = movedDirectory.get();
                    handoff = new Handoff.Flagged("it runs after '" + cd.text(shell).strip() + "' (line "
                            + cd.at().line() + "), in another directory than the workspace, where Jenkins steps run:"
                            + " do the hand-off before the cd, or with dir()");
                }
                line.handoff = Optional.of(handoff);
            } else if (ShellSyntax.changesDirectory(text, shell)) {
                movedDirectory = Optional.of(line);
            }
        }
    }

    /**
     * Moves hand-offs out of the script where nothing changes: before it, when every line above is quiet
     * ({@code mkdir}, {@code echo}, comments, other hand-offs); after it, when every line below only prints.
     */
    private static void place(List<Logical> lines, ShellKind shell) {
        for (Logical line : lines) {
            if (line.movesToJenkins()) {
                line.placement = Placement.BEFORE;
            } else if (line.handoff.isPresent() || ShellSyntax.quietBefore(line.text(shell), shell)) {
                continue;
            } else {
                break;
            }
        }
        for (int i = lines.size() - 1; i >= 0; i--) {
            Logical line = lines.get(i);
            if (line.movesToJenkins() && line.placement != Placement.BEFORE) {
                line.placement = Placement.AFTER;
            } else if (line.handoff.isEmpty() && !ShellSyntax.quietAfter(line.text(shell), shell)) {
                break;
            }
        }
    }

    // ---- output ------------------------------------------------------------------------------------------------------

    private List<Action> emit(CommandStep step, List<Logical> lines, ShellKind shell) {
        Segment segment = new Segment(shell);
        List<Action> after = new ArrayList<>();
        List<Logical> stateSinceSplit = new ArrayList<>();
        Logical split = null;
        List<Logical> lost = List.of();
        for (Logical line : lines) {
            Handoff handoff = line.handoff.orElse(null);
            if (handoff instanceof Handoff.Steps steps) {
                switch (line.placement) {
                    case BEFORE -> segment.body.addAll(steps.actions());
                    case AFTER -> after.addAll(steps.actions());
                    case SPLIT -> {
                        segment.flush();
                        segment.body.addAll(steps.actions());
                        split = line;
                        lost = List.copyOf(stateSinceSplit);
                        stateSinceSplit.clear();
                    }
                }
            } else if (handoff instanceof Handoff.Nothing nothing) {
                segment.note(new Action.Note(nothing.why()));
            } else if (handoff instanceof Handoff.Flagged flagged) {
                String text = line.text(shell).strip();
                diagnostics.add(Diagnostic.warning(line.at(), "not converted in " + step.displayName() + ": " + text
                        + ": " + flagged.why()));
                segment.notesBefore.add(new Action.Note("not converted: " + text + "\n" + flagged.why()));
                for (Physical p : line.lines) {
                    segment.add(noOp(p.rendered(), shell, p == line.lines.get(0)), false);
                }
            } else {
                String text = line.text(shell);
                if (split != null && !lost.isEmpty() && !ShellSyntax.quietAfter(text, shell)) {
                    lostState(step, split, lost, shell);
                    lost = List.of();
                }
                if (ShellSyntax.changesState(text, shell)) {
                    stateSinceSplit.add(line);
                }
                boolean runs = !text.isBlank() && !ShellSyntax.isComment(text.strip(), shell);
                for (Physical p : line.lines) {
                    segment.add(batchLine(p.rendered(), shell, p == line.lines.get(0)), runs);
                }
            }
        }
        segment.flush();
        segment.body.addAll(after);
        return segment.body;
    }

    /** The script being collected between hand-offs, and the stage's work so far. */
    private static final class Segment {
        final ShellKind shell;
        final List<Action> body = new ArrayList<>();
        final List<Action> notesBefore = new ArrayList<>();
        final List<Action> notesAfter = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        boolean runs;

        Segment(ShellKind shell) {
            this.shell = shell;
        }

        void add(String line, boolean running) {
            lines.add(line);
            runs |= running;
            if (shell == ShellKind.BAT && !line.isBlank()) {
                // As Buildkite's batch script does: stop at the first failing line.
                lines.add("if %errorlevel% neq 0 exit /b %errorlevel%");
            }
        }

        /** A comment for a line left out of the script, where it was: before the script or after it. */
        void note(Action note) {
            (runs ? notesAfter : notesBefore).add(note);
        }

        void flush() {
            body.addAll(notesBefore);
            if (runs) {
                List<String> script = new ArrayList<>();
                if (shell == ShellKind.BAT) {
                    script.add("@echo off");
                }
                script.addAll(lines);
                body.add(new Action.Shell(shell, script));
            }
            body.addAll(notesAfter);
            notesBefore.clear();
            notesAfter.clear();
            lines.clear();
            runs = false;
        }
    }

    /** A line of a batch script: another batch script is run with {@code call}, as Buildkite does. */
    private static String batchLine(String line, ShellKind shell, boolean first) {
        if (shell != ShellKind.BAT || !first) {
            return line;
        }
        List<String> words = ShellSyntax.commandWords(line, ShellKind.BAT);
        String word = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
        return word.endsWith(".bat") || word.endsWith(".cmd") ? "call " + line.stripLeading() : line;
    }

    /** A line that does nothing in place of one that was not converted, keeping any compound command valid. */
    private static String noOp(String line, ShellKind shell, boolean first) {
        String text = line.strip();
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        return indent + switch (shell) {
            case SH -> (first ? "true  # not converted: " : "# ") + text;
            case BAT -> "rem not converted: " + text;
            case POWERSHELL -> "# not converted: " + text;
        };
    }

    private void lostState(CommandStep step, Logical handoff, List<Logical> state, ShellKind shell) {
        List<String> named = state.stream().limit(3)
                .map(l -> "line " + l.at().line() + " '" + l.text(shell).strip() + "'").toList();
        diagnostics.add(Diagnostic.warning(handoff.at(), step.displayName() + ": '" + handoff.text(shell).strip()
                + "' becomes a Jenkins step between two " + shell.step() + " steps, so what the lines before it set"
                + " does not reach the lines after it (" + String.join(", ", named) + (state.size() > 3 ? ", ..." : "")
                + "): repeat it after the hand-off, or move the hand-off to the start or the end of the commands"));
    }

    // ---- scripts the commands run ------------------------------------------------------------------------------------

    private void checkScripts(CommandStep step, List<Logical> lines, ShellKind shell, List<String> notes) {
        for (Logical line : lines) {
            if (line.handoff.isPresent()) {
                continue;
            }
            for (String script : ShellSyntax.scripts(line.text(shell), shell)) {
                String path = script.replace('\\', '/').replaceFirst("^(\\./)+", "");
                Optional<String> text = path.contains("$") ? Optional.empty() : scripts.read(path);
                if (text.isEmpty()) {
                    notes.add("check: " + script + " was not read; if it calls buildkite-agent, that fails on Jenkins");
                    if (reported.add(path)) {
                        diagnostics.add(Diagnostic.warning(line.at(), step.displayName() + ": runs " + script
                                + ", which convert could not read (give the checkout with --checkout DIR): if it"
                                + " calls buildkite-agent (artifact upload or download, meta-data), that call fails"
                                + " on a Jenkins agent; archive outputs with artifact_paths or archiveArtifacts and"
                                + " fetch inputs with fetchUpstreamArtifacts instead"));
                    }
                    continue;
                }
                List<ScriptCalls.Call> calls = ScriptCalls.in(path, text.get());
                if (!calls.isEmpty()) {
                    notes.add("check: " + script + " calls buildkite-agent (" + calls.size() + (calls.size() == 1
                            ? " line" : " lines") + "), which fails on Jenkins: see the warnings");
                }
                if (!reported.add(path)) {
                    continue;
                }
                for (ScriptCalls.Call call : calls) {
                    diagnostics.add(Diagnostic.warning(new SourceLocation(path, call.line(), call.column()),
                            call.text() + ": this script, which " + step.displayName() + " runs ("
                                    + line.at() + "), calls buildkite-agent, which a Jenkins agent does not have: "
                                    + call.advice()));
                }
            }
        }
    }

    private void caution(CommandStep step, String message, List<String> notes) {
        diagnostics.add(Diagnostic.warning(step.location(), step.displayName() + ": " + message));
        notes.add("check: " + message);
    }
}

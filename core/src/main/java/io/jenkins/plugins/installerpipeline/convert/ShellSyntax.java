package io.jenkins.plugins.installerpipeline.convert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Just enough of the three shells' syntax to convert a step's commands faithfully: where a command line continues,
 * whether a line sits inside a compound command ({@code if}, {@code for}, a block), which lines change the state a
 * script carries from line to line ({@code cd}, {@code export}, variables), and which scripts a line runs. It reads
 * simple commands only; anything it cannot read is treated as the riskier case (state-changing, not movable).
 */
final class ShellSyntax {

    /**
     * One simple command of a line.
     *
     * @param words    its words, quotes removed
     * @param subshell it runs inside parentheses (a subshell in sh), so its {@code cd} does not outlive it
     */
    record Simple(List<String> words, boolean subshell) {
        Simple {
            words = List.copyOf(words);
        }

        /** The command word: the first word after any {@code NAME=value} prefixes; empty for assignments only. */
        Optional<String> command() {
            return words.stream().filter(w -> !ASSIGNMENT.matcher(w).matches()).findFirst();
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);
    private static final Pattern FUNCTION = Pattern.compile("^\\s*(function\\s+\\w|[\\w-]+\\s*\\(\\s*\\))");
    private static final Set<String> SH_OPENERS = Set.of("if", "case", "for", "while", "until", "select", "{");
    private static final Set<String> SH_CLOSERS = Set.of("fi", "esac", "done", "}");
    private static final Set<String> SH_KEYWORDS = Set.of("then", "do", "else", "elif", "!", "time");
    private static final Set<String> SH_STATE = Set.of("cd", "pushd", "popd", "export", "unset", "set", "source",
            ".", "alias", "unalias", "umask", "ulimit", "trap", "shopt", "declare", "typeset", "readonly", "local",
            "eval", "function");
    private static final Set<String> BAT_STATE = Set.of("cd", "chdir", "pushd", "popd", "set", "setlocal", "endlocal");
    private static final Set<String> PS_STATE = Set.of("cd", "sl", "chdir", "set-location", "push-location",
            "pop-location", "set-variable", "set-item", ".", "import-module");
    private static final Set<String> DIRECTORY = Set.of("cd", "chdir", "pushd", "popd", "sl", "set-location",
            "push-location", "pop-location");
    private static final Set<String> QUIET = Set.of("echo", "printf", "true", ":", "rem", "::", "@echo", "write-host",
            "write-output");
    private static final Set<String> INTERPRETERS = Set.of("bash", "sh", "zsh", "dash", "ksh", "source", ".", "call",
            "exec", "python", "python3", "pwsh", "powershell", "cmd", "nohup", "time");

    private ShellSyntax() {}

    /** Whether a physical line continues on the next one (a trailing backslash, pipe or {@code &&}, ...). */
    static boolean continues(String line, ShellKind kind) {
        String s = line.stripTrailing();
        return switch (kind) {
            case SH -> trailingBackslashes(s) % 2 == 1 || s.endsWith("|") || s.endsWith("&&");
            case BAT -> s.endsWith("^");
            case POWERSHELL -> s.endsWith("`") || s.endsWith("|");
        };
    }

    private static int trailingBackslashes(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n;
    }

    /** How much a logical line opens (positive) or closes (negative) compound commands or blocks. */
    static int depthChange(String line, ShellKind kind) {
        if (kind == ShellKind.SH) {
            int change = 0;
            for (Simple simple : simpleCommands(line, kind)) {
                for (String word : leadingKeywords(simple.words())) {
                    if (SH_OPENERS.contains(word)) {
                        change++;
                    } else if (SH_CLOSERS.contains(word)) {
                        change--;
                    }
                }
            }
            return change;
        }
        char open = kind == ShellKind.BAT ? '(' : '{';
        char close = kind == ShellKind.BAT ? ')' : '}';
        int change = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || (c == '\'' && kind == ShellKind.POWERSHELL)) {
                quote = c;
            } else if (c == open) {
                change++;
            } else if (c == close) {
                change--;
            }
        }
        return change;
    }

    /** The keywords a simple command starts with, then its command word: {@code then fi}, {@code done}. */
    private static List<String> leadingKeywords(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String word : words) {
            out.add(word);
            if (!SH_KEYWORDS.contains(word) && !SH_OPENERS.contains(word) && !SH_CLOSERS.contains(word)) {
                break;
            }
        }
        return out;
    }

    /** The command words of a line's simple commands, past keywords such as {@code then} and {@code do}. */
    static List<String> commandWords(String line, ShellKind kind) {
        List<String> out = new ArrayList<>();
        for (Simple simple : simpleCommands(line, kind)) {
            List<String> words = simple.words().stream().filter(w -> !ASSIGNMENT.matcher(w).matches()).toList();
            for (String word : words) {
                if (!(kind == ShellKind.SH && (SH_KEYWORDS.contains(word) || SH_OPENERS.contains(word)
                        || SH_CLOSERS.contains(word)))) {
                    out.add(word);
                    break;
                }
            }
        }
        return out;
    }

    /** Whether a line changes state the next lines of the same script see: directory, variables, options. */
    static boolean changesState(String line, ShellKind kind) {
        if (kind == ShellKind.SH && FUNCTION.matcher(line).find()) {
            return true;
        }
        for (Simple simple : simpleCommands(line, kind)) {
            if (simple.subshell() && kind == ShellKind.SH) {
                continue;
            }
            Optional<String> command = simple.command();
            if (command.isEmpty()) {
                return !simple.words().isEmpty(); // NAME=value alone sets a shell variable
            }
            String word = command.get().toLowerCase(Locale.ROOT);
            boolean state = switch (kind) {
                case SH -> SH_STATE.contains(command.get());
                case BAT -> BAT_STATE.contains(word);
                case POWERSHELL -> PS_STATE.contains(word) || word.startsWith("$");
            };
            if (state) {
                return true;
            }
        }
        return false;
    }

    /** Whether a line changes the working directory for the lines after it. */
    static boolean changesDirectory(String line, ShellKind kind) {
        return simpleCommands(line, kind).stream()
                .filter(s -> !(s.subshell() && kind == ShellKind.SH))
                .flatMap(s -> s.command().stream())
                .anyMatch(w -> DIRECTORY.contains(w.toLowerCase(Locale.ROOT)));
    }

    /**
     * Whether a line only prints, comments, sets variables or makes directories, so a hand-off may move before it (an
     * artifact download before {@code mkdir -p dist}).
     */
    static boolean quietBefore(String line, ShellKind kind) {
        return isQuiet(line, kind, true);
    }

    /** Whether a line only prints or comments, so an upload may move after it. */
    static boolean quietAfter(String line, ShellKind kind) {
        return isQuiet(line, kind, false);
    }

    private static boolean isQuiet(String line, ShellKind kind, boolean settingAllowed) {
        String s = line.strip();
        if (s.isEmpty() || isComment(s, kind)) {
            return true;
        }
        for (Simple simple : simpleCommands(line, kind)) {
            Optional<String> command = simple.command();
            if (command.isEmpty()) {
                if (!settingAllowed) {
                    return false;
                }
                continue;
            }
            String word = command.get().toLowerCase(Locale.ROOT);
            boolean quiet = QUIET.contains(word) || (settingAllowed && (word.equals("mkdir") || word.equals("md")
                    || word.equals("set") || word.equals("export") || word.equals("new-item")));
            if (!quiet) {
                return false;
            }
        }
        return true;
    }

    static boolean isComment(String stripped, ShellKind kind) {
        String lower = stripped.toLowerCase(Locale.ROOT);
        return switch (kind) {
            case SH, POWERSHELL -> stripped.startsWith("#");
            case BAT -> lower.startsWith("rem ") || lower.equals("rem") || lower.startsWith("::");
        };
    }

    /**
     * The scripts a line runs, as it names them: a command word that is a path ({@code ./build.sh},
     * {@code .buildkite/build_whl.sh}) or has a script's extension, also after an interpreter
     * ({@code bash x.sh}, {@code call sign.bat}, {@code powershell -File build.ps1}).
     */
    static List<String> scripts(String line, ShellKind kind) {
        List<String> out = new ArrayList<>();
        if (isComment(line.strip(), kind)) {
            return out;
        }
        for (Simple simple : simpleCommands(line, kind)) {
            List<String> words = simple.words().stream().filter(w -> !ASSIGNMENT.matcher(w).matches())
                    .dropWhile(w -> kind == ShellKind.SH && SH_KEYWORDS.contains(w)).toList();
            if (words.isEmpty()) {
                continue;
            }
            String command = words.get(0).toLowerCase(Locale.ROOT);
            boolean interpreter = INTERPRETERS.contains(command) || command.endsWith("/bash") || command.endsWith("/sh");
            // After an interpreter, the script is its first argument that names one (past options such as -File).
            words.stream().skip(interpreter ? 1 : 0).limit(interpreter ? words.size() : 1)
                    .filter(ShellSyntax::isScriptPath).findFirst().ifPresent(out::add);
        }
        return out;
    }

    private static boolean isScriptPath(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean extension = lower.endsWith(".sh") || lower.endsWith(".bash") || lower.endsWith(".bat")
                || lower.endsWith(".cmd") || lower.endsWith(".ps1") || lower.endsWith(".py");
        boolean path = (word.contains("/") || word.contains("\\")) && !word.startsWith("/") && !word.contains("://");
        return !word.isEmpty() && !word.startsWith("-") && (extension || path);
    }

    /**
     * The simple commands of one logical line: words split at whitespace outside quotes, commands at {@code ;},
     * {@code &}, {@code |} and parentheses; a comment ends the line.
     */
    static List<Simple> simpleCommands(String line, ShellKind kind) {
        List<Simple> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        int parens = 0;
        boolean subshell = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && kind == ShellKind.SH && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            boolean separator = ";&|()".indexOf(c) >= 0;
            if (c == '"' || (c == '\'' && kind != ShellKind.BAT)) {
                quote = c;
                inWord = true;
            } else if (c == '\\' && kind == ShellKind.SH && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == '#' && !inWord && kind != ShellKind.BAT) {
                break;
            } else if (Character.isWhitespace(c) || separator) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                if (separator) {
                    boolean substitution = c == '(' && i > 0 && line.charAt(i - 1) == '$';
                    if (!words.isEmpty() && !substitution) {
                        out.add(new Simple(words, subshell));
                        words = new ArrayList<>();
                    }
                    if (c == '(') {
                        parens++;
                    } else if (c == ')') {
                        parens = Math.max(0, parens - 1);
                    }
                    subshell = parens > 0;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (!words.isEmpty()) {
            out.add(new Simple(words, subshell));
        }
        return out;
    }
}

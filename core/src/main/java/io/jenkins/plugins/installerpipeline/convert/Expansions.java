package io.jenkins.plugins.installerpipeline.convert;

import io.jenkins.plugins.installerpipeline.convert.JenkinsVariables.Equivalent;
import io.jenkins.plugins.installerpipeline.interpolation.Part;
import io.jenkins.plugins.installerpipeline.interpolation.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Buildkite's upload-time interpolation of one string of a definition, re-expressed for where the string ends up in
 * Jenkins. Buildkite resolves the escapes ({@code $$HOME} and {@code \$HOME} are {@code $HOME}) and expands every
 * {@code $VAR} when the pipeline is uploaded; in Jenkins nothing does that, so the escapes are resolved here, by the
 * engine's own parser, and each expansion is written in the syntax of the place that expands it later: the shell
 * for commands, Groovy for {@code env} values and artifact paths. Buildkite's variables become their Jenkins
 * equivalents ({@link JenkinsVariables}); whatever cannot be expressed is a {@link Problem}, with its offset.
 */
final class Expansions {

    /**
     * Something the rendered text does not do as Buildkite did.
     *
     * @param offset  0-based index in the original text
     * @param message what differs and what to do
     */
    record Problem(int offset, String message) {
        Problem {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A rendered string.
     *
     * @param text     shell text, a Groovy expression or plain text, by the method that made it
     * @param problems what it does not do as Buildkite did
     */
    record Rendered(String text, List<Problem> problems) {
        Rendered {
            Objects.requireNonNull(text, "text");
            problems = List.copyOf(problems);
        }
    }

    private final String raw;
    private final List<Problem> problems = new ArrayList<>();

    private Expansions(String raw) {
        this.raw = raw;
    }

    private static Optional<Template> parse(String raw) {
        return Template.parse(raw) instanceof Template.Parse.Valid valid ? Optional.of(valid.template()) : Optional.empty();
    }

    /**
     * Shell text for a command: escapes resolved, each expansion left to the shell ({@code ${BUILDKITE_TAG}} becomes
     * {@code ${TAG_NAME}}), also inside single quotes, where Buildkite expanded it too.
     *
     * @param stepEnv names the step's own {@code env} sets (and the top-level {@code env} does not): Buildkite
     *                expanded those before the step's {@code env} existed
     */
    static Rendered shell(String raw, ShellKind kind, Set<String> stepEnv) {
        return render(raw, (e, part) -> {
            String expansion = e.shellExpansion(part, kind, stepEnv);
            // Buildkite expanded it inside single quotes too; close them around the shell's expansion.
            return kind == ShellKind.SH && insideSingleQuotes(raw, column(part) - 1)
                    ? "'\"" + expansion + "\"'" : expansion;
        });
    }

    /** A Groovy expression of the string: a single-quoted literal, or a GString reading {@code env}. */
    static Rendered groovy(String raw) {
        Optional<Template> template = parse(raw);
        if (template.isEmpty()) {
            return new Rendered(Groovy.quote(raw), List.of());
        }
        Expansions e = new Expansions(raw);
        return new Rendered(e.groovyString(template.get().parts()), e.problems);
    }

    /**
     * Plain text for what Jenkins shows as written (a stage name, a message): escapes resolved, each expansion kept as
     * written, with a problem, since that text is fixed when the Jenkinsfile is written.
     */
    static Rendered text(String raw, String what) {
        return render(raw, (e, part) -> {
            String written = e.source(part);
            e.problems.add(new Problem(column(part) - 1, what + " uses " + written + ", which Buildkite expands"
                    + " when the pipeline is uploaded; in Jenkins it is fixed text, shown as written"));
            return written;
        });
    }

    /** The text with its literal parts as they are and each expansion as {@code expansion} writes it. */
    private static Rendered render(String raw, BiFunction<Expansions, Part, String> expansion) {
        Optional<Template> template = parse(raw);
        if (template.isEmpty()) {
            // Validation has refused such text already; keep it as written.
            return new Rendered(raw, List.of());
        }
        Expansions e = new Expansions(raw);
        StringBuilder out = new StringBuilder();
        for (Part part : template.get().parts()) {
            out.append(part instanceof Part.Text t ? t.value() : expansion.apply(e, part));
        }
        return new Rendered(out.toString(), e.problems);
    }

    // ---- shell -------------------------------------------------------------------------------------------------------

    private String shellExpansion(Part part, ShellKind kind, Set<String> stepEnv) {
        String name = name(part);
        if (stepEnv.contains(name)) {
            problems.add(new Problem(column(part) - 1, "$" + name + " is set by this step's env, which Buildkite"
                    + " applies after expanding the commands at upload (there it was empty, unless the uploading"
                    + " agent had " + name + "; $$" + name + " reads the step's value); the shell now reads the"
                    + " step's value"));
        }
        if (JenkinsVariables.missing(name)) {
            problems.add(new Problem(column(part) - 1, JenkinsVariables.missingAdvice(name)));
        }
        return switch (kind) {
            case SH -> posix(part);
            case BAT -> single(part, "%" + jenkinsName(part) + "%", "cmd.exe");
            case POWERSHELL -> single(part, "$env:" + jenkinsName(part), "PowerShell");
        };
    }

    private String posix(Part part) {
        String name = name(part);
        Optional<Equivalent> equivalent = JenkinsVariables.equivalent(name);
        if (part instanceof Part.Reference) {
            if (equivalent.isEmpty()) {
                return raw.startsWith("${", column(part) - 1) ? "${" + name + "}" : "$" + name;
            }
            return chain(equivalent.get(), equivalent.get().fallback().orElse(""), ":-");
        }
        if (part instanceof Part.Default d) {
            String op = d.emptyCounts() ? ":-" : "-";
            String word = shellWord(d.word());
            if (equivalent.isEmpty()) {
                return "${" + name + op + word + "}";
            }
            Optional<String> fallback = equivalent.get().fallback();
            // Buildkite always sets such a variable: its default applies only to an empty value with :-.
            String tail = fallback.filter(f -> !f.isEmpty() || !d.emptyCounts()).orElse(word);
            return chain(equivalent.get(), tail, op);
        }
        if (part instanceof Part.Required r) {
            String op = r.emptyCounts() ? ":?" : "?";
            String message = shellWord(r.message());
            if (equivalent.isEmpty() || equivalent.get().names().size() > 1 || equivalent.get().fallback().isPresent()) {
                return equivalent.map(eq -> chain(eq, eq.fallback().orElse(""), ":-"))
                        .orElse("${" + name + op + message + "}");
            }
            return "${" + equivalent.get().names().get(0) + op + message + "}";
        }
        if (part instanceof Part.Substring s) {
            String rendered = "${" + jenkinsName(part) + ":" + shellWord(s.offset())
                    + s.length().map(l -> ":" + shellWord(l)).orElse("") + "}";
            problems.add(new Problem(column(part) - 1, source(part) + " takes a substring, which Buildkite did at"
                    + " upload; Jenkins' sh runs /bin/sh, where " + rendered + " is bash-only: start the script with"
                    + " #!/bin/bash, or cut the value with cut"));
            return rendered;
        }
        return source(part);
    }

    /** {@code ${A:-${B:-tail}}}: the first of the equivalent's variables that is set, else {@code tail}. */
    private static String chain(Equivalent equivalent, String tail, String op) {
        List<String> names = equivalent.names();
        String inner = tail;
        for (int i = names.size() - 1; i >= 0; i--) {
            boolean last = i == names.size() - 1;
            inner = last && tail.isEmpty() ? "${" + names.get(i) + "}" : "${" + names.get(i) + (last ? op : ":-") + inner + "}";
        }
        return inner;
    }

    private String shellWord(List<Part> word) {
        StringBuilder out = new StringBuilder();
        for (Part part : word) {
            out.append(part instanceof Part.Text t ? t.value() : posix(part));
        }
        return out.toString();
    }

    /** cmd.exe and PowerShell: a plain reference to one variable, else the text as written with a problem. */
    private String single(Part part, String reference, String shell) {
        Optional<Equivalent> equivalent = JenkinsVariables.equivalent(name(part));
        boolean plain = part instanceof Part.Reference
                && equivalent.map(eq -> eq.names().size() == 1 && eq.fallback().isEmpty()).orElse(true);
        if (plain) {
            return reference;
        }
        problems.add(new Problem(column(part) - 1, source(part) + " has no " + shell + " form (Buildkite expanded it"
                + " at upload): kept as written; compute the value in the script instead"));
        return source(part);
    }

    /** The Jenkins variable a single-name expansion reads. */
    private static String jenkinsName(Part part) {
        String name = name(part);
        return JenkinsVariables.equivalent(name).map(eq -> eq.names().get(0)).orElse(name);
    }

    // ---- Groovy ------------------------------------------------------------------------------------------------------

    private String groovyString(List<Part> parts) {
        if (parts.stream().allMatch(Part.Text.class::isInstance)) {
            StringBuilder text = new StringBuilder();
            parts.forEach(p -> text.append(((Part.Text) p).value()));
            return Groovy.quote(text.toString());
        }
        StringBuilder out = new StringBuilder("\"");
        for (Part part : parts) {
            if (part instanceof Part.Text t) {
                out.append(Groovy.gstringText(t.value()));
            } else {
                out.append("${").append(groovyExpression(part)).append('}');
            }
        }
        return out.append('"').toString();
    }

    private String groovyExpression(Part part) {
        String name = name(part);
        if (JenkinsVariables.missing(name)) {
            problems.add(new Problem(column(part) - 1, JenkinsVariables.missingAdvice(name)));
        }
        Optional<Equivalent> equivalent = JenkinsVariables.equivalent(name);
        List<String> reads = equivalent.map(eq -> eq.names().stream().map(Expansions::env).toList())
                .orElse(List.of(env(name)));
        String value = String.join(" ?: ", reads);
        Optional<String> fallback = equivalent.flatMap(Equivalent::fallback);
        if (part instanceof Part.Default d) {
            String word = groovyString(d.word());
            if (!d.emptyCounts() && reads.size() == 1 && fallback.isEmpty()) {
                return reads.get(0) + " != null ? " + reads.get(0) + " : " + word;
            }
            return value + fallback.filter(f -> !f.isEmpty()).map(f -> " ?: " + Groovy.quote(f)).orElse("")
                    + " ?: " + word;
        }
        if (part instanceof Part.Required || part instanceof Part.Substring) {
            problems.add(new Problem(column(part) - 1, source(part) + (part instanceof Part.Required
                    ? " stops a Buildkite upload when " + name + " is unset; Jenkins reads the value without that check"
                    : " takes a substring, which Buildkite did at upload; Jenkins reads the whole value")
                    + ": compute it in the Jenkinsfile if it matters"));
        }
        return value + " ?: " + Groovy.quote(fallback.orElse(""));
    }

    private static String env(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "env." + name : "env[" + Groovy.quote(name) + "]";
    }

    // ---- source text -------------------------------------------------------------------------------------------------

    private static String name(Part part) {
        return ((Part.Expansion) part).name();
    }

    private static int column(Part part) {
        return ((Part.Expansion) part).column();
    }

    /** The expansion as written: {@code $NAME}, or {@code ${...}} up to its matching brace. */
    private String source(Part part) {
        int start = column(part) - 1;
        if (!raw.startsWith("${", start)) {
            return "$" + name(part);
        }
        int depth = 0;
        for (int i = start + 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return raw.substring(start, i + 1);
            }
        }
        return raw.substring(start);
    }

    /**
     * Whether {@code offset} lies inside single quotes of a POSIX shell text (backslashes escape outside single
     * quotes; double quotes hide single ones).
     */
    static boolean insideSingleQuotes(String text, int offset) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < offset && i < text.length(); i++) {
            char c = text.charAt(i);
            if (single) {
                single = c != '\'';
            } else if (c == '\\') {
                i++;
            } else if (c == '"') {
                dbl = !dbl;
            } else if (c == '\'' && !dbl) {
                single = true;
            }
        }
        return single;
    }
}

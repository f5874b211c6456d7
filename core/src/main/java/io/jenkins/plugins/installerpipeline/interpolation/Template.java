package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.context.RunTimeValue;
import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A parsed text with substitutions, ready to expand against any environment. Immutable and thread-safe:
 * parse once, expand many times.
 */
public final class Template {

    /** The outcome of parsing: a template, or the syntax error with its column. */
    public sealed interface Parse permits Parse.Valid, Parse.Invalid {
        /** @param template the parsed text */
        record Valid(Template template) implements Parse {
        }

        /** @param error the first syntax error */
        record Invalid(ColumnError error) implements Parse {
        }
    }

    /** Thrown while expanding only; {@link #expand} turns it into a {@link InterpolationResult.Failed}. */
    private static final class Failure extends RuntimeException {
        final transient ColumnError error;

        Failure(ColumnError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /** Parses {@code text} with the upload-time rules. */
    public static Parse parse(String text) {
        return parse(text, Syntax.UPLOAD);
    }

    /** Parses {@code text} with the rules of {@code syntax}. */
    public static Parse parse(String text, Syntax syntax) {
        Objects.requireNonNull(text, "text");
        if (isLiteral(text)) {
            return new Parse.Valid(new Template(text, text.isEmpty() ? List.of() : List.of(new Part.Text(text))));
        }
        try {
            return new Parse.Valid(new Template(text, new TemplateParser(text, syntax).parse()));
        } catch (TemplateParser.Failure e) {
            return new Parse.Invalid(e.error);
        }
    }

    /**
     * Whether {@code text} has no {@code $}: then every substitution and escape is absent, it expands to itself in
     * either syntax and cannot be malformed, so it needs no parsing (most values of a definition are such text).
     */
    static boolean isLiteral(String text) {
        return text.indexOf('$') < 0;
    }

    /** The text this template was parsed from. */
    public String source() {
        return source;
    }

    /**
     * The pieces of the text in order: literal text with the escapes resolved, and each expansion as written. For a
     * consumer that expands variables later in its own syntax (a shell, Jenkins) instead of against a known
     * environment.
     */
    public List<Part> parts() {
        return parts;
    }

    /** Whether the text contains any substitution (false when it expands to itself apart from escapes). */
    public boolean hasSubstitutions() {
        return parts.stream().anyMatch(p -> !(p instanceof Part.Text));
    }

    /**
     * Expands against {@code environment}: unset variables expand to empty strings; {@code ${VAR?}} of an unset
     * variable fails with an error naming it.
     */
    public InterpolationResult expand(Map<String, String> environment) {
        try {
            StringBuilder out = new StringBuilder(source.length() + 16);
            append(parts, environment, out);
            return new InterpolationResult.Expanded(out.toString());
        } catch (Failure e) {
            return new InterpolationResult.Failed(e.error);
        }
    }

    /**
     * Whether this template is exactly one {@code $NAME}, {@code ${NAME}} or {@code ${NAME:offset}} of a variable
     * unset in {@code environment}. A conditional reads such a substitution as {@code null}, not {@code ""}.
     */
    public boolean isUnsetReference(Map<String, String> environment) {
        if (parts.size() != 1) {
            return false;
        }
        Part only = parts.get(0);
        if (only instanceof Part.Reference r) {
            return !environment.containsKey(r.name());
        }
        if (only instanceof Part.Substring s) {
            return !environment.containsKey(s.name());
        }
        return false;
    }

    private static void append(List<Part> parts, Map<String, String> env, StringBuilder out) {
        for (Part part : parts) {
            if (part instanceof Part.Text t) {
                out.append(t.value());
            } else if (part instanceof Part.Reference r) {
                String value = env.get(r.name());
                if (value != null) {
                    out.append(value);
                }
            } else if (part instanceof Part.Default d) {
                String value = env.get(d.name());
                if (missing(value, d.emptyCounts())) {
                    append(d.word(), env, out);
                } else {
                    out.append(value);
                }
            } else if (part instanceof Part.Alternate a) {
                if (!missing(env.get(a.name()), a.emptyCounts())) {
                    append(a.word(), env, out);
                }
            } else if (part instanceof Part.Required q) {
                String value = env.get(q.name());
                if (missing(value, q.emptyCounts())) {
                    StringBuilder message = new StringBuilder();
                    append(q.message(), env, message);
                    String reason = !message.isEmpty() ? message.toString()
                            : q.emptyCounts() ? "not set or empty" : "not set";
                    throw new Failure(new ColumnError(q.column(), "$" + q.name() + ": " + reason));
                }
                out.append(value);
            } else if (part instanceof Part.Substring s) {
                int offset = integer(s.offset(), env, s.column());
                OptionalInt length = s.length().isPresent()
                        ? OptionalInt.of(integer(s.length().get(), env, s.column())) : OptionalInt.empty();
                String value = env.get(s.name());
                if (value != null) {
                    // Part of a value not known yet is not known either: show the whole placeholder.
                    out.append(RunTimeValue.ofPlaceholder(value).isPresent() ? value : substring(value, offset, length));
                }
            }
        }
    }

    private static boolean missing(String value, boolean emptyCounts) {
        return value == null || (emptyCounts && value.isEmpty());
    }

    /** A substring offset or length: its word expanded, which must be a whole number. */
    private static int integer(List<Part> word, Map<String, String> env, int column) {
        if (word.size() == 1 && word.get(0) instanceof Part.Text t) {
            return parseInt(t.value().strip(), column);
        }
        StringBuilder out = new StringBuilder();
        append(word, env, out);
        return parseInt(out.toString().strip(), column);
    }

    private static int parseInt(String text, int column) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Failure(new ColumnError(column,
                    "a substring offset or length must be a whole number, not \"" + text + "\""));
        }
    }

    /** Bash-like slicing: negative offset counts from the end; negative length stops that far from the end. */
    private static String substring(String value, int offset, OptionalInt lengthWanted) {
        int length = value.codePointCount(0, value.length());
        int from = offset < 0 ? Math.max(0, length + offset) : Math.min(offset, length);
        int to = length;
        if (lengthWanted.isPresent()) {
            int n = lengthWanted.getAsInt();
            to = n >= 0 ? (int) Math.min((long) from + n, length) : Math.max(from, length + n);
        }
        int begin = value.offsetByCodePoints(0, from);
        int end = value.offsetByCodePoints(begin, to - from);
        return value.substring(begin, end);
    }

    @Override
    public String toString() {
        return source;
    }
}

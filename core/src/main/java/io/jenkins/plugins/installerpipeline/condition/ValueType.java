package io.jenkins.plugins.installerpipeline.condition;

import java.util.List;

/**
 * The static type of a conditional value, as the type checker sees it. {@code enumValues} is non-empty for a
 * string that can take only listed values ({@code build.source}), so a misspelt comparison is caught.
 */
record ValueType(Kind kind, String enumName, List<String> enumValues) {

    enum Kind {
        STRING("a string"),
        NUMBER("a number"),
        BOOLEAN("a boolean"),
        NULL("null"),
        REGEXP("a regular expression"),
        STRING_ARRAY("a string array"),
        /** Not known statically (never produced by the built-in variables; kept to match the reference). */
        UNKNOWN("a value");

        final String article;

        Kind(String article) {
            this.article = article;
        }
    }

    static final ValueType STRING = of(Kind.STRING);
    static final ValueType NUMBER = of(Kind.NUMBER);
    static final ValueType BOOLEAN = of(Kind.BOOLEAN);
    static final ValueType NULL = of(Kind.NULL);
    static final ValueType REGEXP = of(Kind.REGEXP);
    static final ValueType STRING_ARRAY = of(Kind.STRING_ARRAY);
    static final ValueType UNKNOWN = of(Kind.UNKNOWN);

    private static ValueType of(Kind kind) {
        return new ValueType(kind, "", List.of());
    }

    static ValueType enumeration(String name, String... values) {
        return new ValueType(Kind.STRING, name, List.of(values));
    }

    boolean isEnum() {
        return !enumValues.isEmpty();
    }

    /** "a string", "a number", "a build.source value", for messages. */
    String describe() {
        return isEnum() ? "a " + enumName + " value" : kind.article;
    }
}

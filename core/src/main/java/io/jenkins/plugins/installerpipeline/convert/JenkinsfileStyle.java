package io.jenkins.plugins.installerpipeline.convert;

/** The two Jenkins Pipeline syntaxes a conversion can be written in. */
public enum JenkinsfileStyle {
    /** {@code pipeline { stages { ... } }}, with {@code when} conditions and per-stage {@code agent}. */
    DECLARATIVE,
    /** Plain Groovy: {@code stage}, {@code node}, {@code parallel} and {@code if}. */
    SCRIPTED
}

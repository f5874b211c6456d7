/**
 * Errors as values: a {@link io.jenkins.plugins.installerpipeline.diagnostic.Diagnostic} says what is wrong
 * and where ({@link io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation}), in the
 * {@code FILE:LINE:COL: error: MESSAGE} form that editors and CI logs understand. Every package that checks
 * user input reports through these types instead of throwing.
 */
package io.jenkins.plugins.installerpipeline.diagnostic;

/**
 * JMH benchmarks of the engine (reading, conditions, interpolation, planning, SHA-256) and the 2 GiB upload harness.
 * They measure; they assert nothing. Figures and the commands that produced them are in {@code docs/performance.md}.
 */
package io.jenkins.plugins.installerpipeline.benchmarks;

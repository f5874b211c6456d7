/**
 * The command-line front end: parses arguments, calls the engine, renders its answers. It makes no decisions
 * of its own. Exit codes are part of the contract scripts rely on: 0 success, 1 the input is wrong (invalid
 * definition, failed check), 2 a usage error or unreadable file.
 */
package io.jenkins.plugins.installerpipeline.cli;

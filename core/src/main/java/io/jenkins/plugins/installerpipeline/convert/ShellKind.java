package io.jenkins.plugins.installerpipeline.convert;

/**
 * The shell a converted command step runs in, and the Jenkins step that runs it. Buildkite runs a step's commands
 * with {@code bash -e -c} on Linux and macOS and as a batch script through {@code cmd.exe} on Windows.
 */
enum ShellKind {
    /** {@code sh}: a POSIX shell. */
    SH("sh"),
    /** {@code bat}: {@code cmd.exe}, as Buildkite runs commands on a Windows agent. */
    BAT("bat"),
    /** {@code powershell}: for steps that run PowerShell scripts. */
    POWERSHELL("powershell");

    private final String step;

    ShellKind(String step) {
        this.step = step;
    }

    /** The Jenkins step name. */
    String step() {
        return step;
    }
}

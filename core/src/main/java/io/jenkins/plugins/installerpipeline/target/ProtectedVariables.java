package io.jenkins.plugins.installerpipeline.target;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Environment variables a trigger may not hand to the job it starts: those that decide which programs every process
 * of the build runs, what they load before their first line, where tools download from and whom they trust
 * ({@code PATH}, {@code LD_PRELOAD}, {@code BASH_ENV}, {@code JAVA_TOOL_OPTIONS}, {@code PIP_INDEX_URL},
 * {@code HTTPS_PROXY}, {@code SSL_CERT_FILE}, …). A trigger's {@code build.env} may come from a pipeline definition in a pull request,
 * and installer builds hold signing credentials: such a variable would let the pull request run its own code there.
 * Names are compared without regard to case (Windows agents read them so), and Jenkins's {@code PATH+NAME} form,
 * which prepends to {@code PATH}, counts as {@code PATH}.
 */
public final class ProtectedVariables {

    private static final Set<String> NAMES = Set.of(
            "PATH", "ENV", "BASH_ENV", "SHELLOPTS", "BASHOPTS", "IFS", "PS4", "PROMPT_COMMAND", "CDPATH", "GLOBIGNORE",
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_OPTIONS", "CLASSPATH", "MAVEN_OPTS",
            "GRADLE_OPTS", "PYTHONPATH", "PYTHONSTARTUP", "PYTHONHOME", "PYTHONUSERBASE", "PERL5LIB", "PERL5OPT",
            "PERLLIB", "RUBYOPT", "RUBYLIB", "NODE_OPTIONS", "NODE_PATH", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_EXEC_PATH",
            "GIT_ASKPASS", "SSH_ASKPASS", "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_COUNT",
            "GIT_PROXY_COMMAND", "GIT_SSL_NO_VERIFY", "GIT_SSL_CAINFO", "PSMODULEPATH", "COMSPEC", "PATHEXT", "HOME",
            "USERPROFILE", "TMPDIR", "TEMP", "TMP", "JAVA_HOME", "GCONV_PATH", "DOTNET_STARTUP_HOOKS",
            // where tools download from and whom they trust: a pull request could serve its own packages
            "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR",
            "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NODE_EXTRA_CA_CERTS", "NODE_TLS_REJECT_UNAUTHORIZED",
            // compilers and their wrappers
            "CC", "CXX", "CPP", "RUSTC", "RUSTC_WRAPPER", "CARGO_HOME", "GOFLAGS", "GOPROXY");

    /** Prefixes of whole families ({@code LD_PRELOAD}, {@code DYLD_INSERT_LIBRARIES}, {@code BASH_FUNC_f%%}). */
    private static final List<String> PREFIXES = List.of("LD_", "DYLD_", "BASH_FUNC_", "GIT_CONFIG_KEY_",
            "GIT_CONFIG_VALUE_", "PATH+", "PIP_", "NPM_CONFIG_", "YARN_", "UV_", "POETRY_");

    private ProtectedVariables() {}

    /** Whether a trigger may not set {@code name} in the build it starts. */
    public static boolean isProtected(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return NAMES.contains(n) || PREFIXES.stream().anyMatch(n::startsWith);
    }

    /**
     * One sentence per protected variable a trigger's environment sets, naming the trigger and the variable; empty
     * when it sets none.
     *
     * @param trigger the trigger, as a user knows it ({@code kolibri-debian}, or {@code file:line:col: trigger X})
     * @param env     the environment it would hand over
     */
    public static List<String> problems(String trigger, Map<String, String> env) {
        List<String> out = new ArrayList<>();
        for (String name : env.keySet()) {
            if (isProtected(name)) {
                out.add(trigger + ": build.env sets " + name + ", which a trigger may not hand to an installer build"
                        + " (it changes which programs the build runs, and the definition may come from a pull"
                        + " request); set it in the installer job itself");
            }
        }
        return out;
    }
}

package io.jenkins.plugins.installerpipeline.cli;

import io.jenkins.plugins.installerpipeline.release.AssetOutcome;
import io.jenkins.plugins.installerpipeline.release.GitHubAccess;
import io.jenkins.plugins.installerpipeline.release.OnExisting;
import io.jenkins.plugins.installerpipeline.release.PublishOptions;
import io.jenkins.plugins.installerpipeline.release.PublishReport;
import io.jenkins.plugins.installerpipeline.release.ReleasePublisher;
import io.jenkins.plugins.installerpipeline.release.RepositoryName;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code publish --repository OWNER/NAME --tag TAG ... FILE_OR_GLOB...}: uploads release files to the GitHub Release of
 * a tag; see {@link ReleasePublisher}. Prints one line per asset on standard output; retries and problems go to
 * standard error.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = VersionProvider.class,
        description = {"Uploads release files to the GitHub Release of TAG, once each: identical assets are skipped,"
                + " unfinished uploads cleaned up, failures retried (a host that cannot be reached at all is not).",
                "Prints one line per asset: uploaded, skipped (identical), replaced, or the error; with --dry-run,"
                        + " what would happen."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every asset is on the release (with --dry-run: would be)",
            "1:an asset or the release failed (the error on standard error), or a file is not a release file",
            "2:usage error, or a file named cannot be read",
        })
public final class PublishCommand implements Callable<Integer> {

    @Option(names = "--repository", required = true, paramLabel = "OWNER/NAME",
            description = "The repository, e.g. learningequality/kolibri.")
    String repository;

    @Option(names = "--tag", required = true, paramLabel = "TAG", description = "The release tag, e.g. v0.17.0.")
    String tag;

    @Option(names = "--api-url", paramLabel = "URL", defaultValue = "https://api.github.com",
            description = "The GitHub API root; https://HOST/api/v3 for GitHub Enterprise Server (default: ${DEFAULT-VALUE}).")
    String apiUrl;

    @Option(names = "--token-env", paramLabel = "NAME", defaultValue = "GITHUB_TOKEN",
            description = "The environment variable holding the token (default: ${DEFAULT-VALUE}).")
    String tokenEnv;

    @Option(names = "--create", description = "Create the release when the tag has none.")
    boolean create;

    @Option(names = "--draft", description = "Create the release as a draft, or reuse the tag's draft.")
    boolean draft;

    @Option(names = "--publish", description = "Publish the draft once every asset is on it and verified.")
    boolean publish;

    @Option(names = "--prerelease", description = "Mark the release as a pre-release.")
    boolean prerelease;

    @Option(names = "--on-existing", paramLabel = "skip|replace|fail", defaultValue = "fail",
            converter = OnExistingConverter.class,
            description = "An asset of the same name but different content: skip it, replace it, or fail"
                    + " (default: ${DEFAULT-VALUE}). Identical assets are always skipped.")
    OnExisting onExisting;

    @Option(names = "--allow-version-mismatch",
            description = "Upload files whose version differs from the tag's (checked by default).")
    boolean allowVersionMismatch;

    @Option(names = "--dry-run",
            description = "Change nothing: read the release and print what would be uploaded, replaced or skipped,"
                    + " and whether the release would be created or published.")
    boolean dryRun;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_GLOB", description = "Files or glob patterns, e.g. 'dist/*'.")
    List<String> files;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Function<String, String> environment;

    /** Reads the token from the process environment. */
    public PublishCommand() {
        this(System::getenv);
    }

    /** Reads the token through {@code environment}; for tests and embedding. */
    public PublishCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    static final class OnExistingConverter implements CommandLine.ITypeConverter<OnExisting> {
        @Override
        public OnExisting convert(String value) {
            for (OnExisting mode : OnExisting.values()) {
                if (mode.name().equalsIgnoreCase(value)) {
                    return mode;
                }
            }
            throw new CommandLine.TypeConversionException("expected skip, replace or fail, not '" + value + "'");
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<RepositoryName> repo = RepositoryName.parse(repository);
        if (repo.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--repository must be OWNER/NAME, not '" + repository + "'");
        }
        URI api;
        try {
            api = new URI(apiUrl);
            if (api.getScheme() == null || !(api.getScheme().equals("https") || api.getScheme().equals("http"))
                    || api.getHost() == null) {
                throw new URISyntaxException(apiUrl, "not an http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--api-url must be an http(s) URL such as https://github.example.com/api/v3, not '" + apiUrl + "'");
        }
        String token = environment.apply(tokenEnv);
        if (token == null || token.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "environment variable " + tokenEnv + " is not set; it must hold a GitHub token allowed to"
                            + " write releases (choose the variable with --token-env)");
        }
        ArtifactArguments described = ArtifactArguments.describe(files, err);
        if (described.exitCode() != 0) {
            return described.exitCode();
        }
        PublishOptions options = new PublishOptions(repo.get(), tag, create, draft, publish, prerelease, onExisting,
                allowVersionMismatch);
        ReleasePublisher publisher = ReleasePublisher.create(new GitHubAccess(api, token.strip()), line -> {
            err.println(line);
            err.flush();
        });
        PublishReport report = dryRun ? publisher.dryRun(options, described.artifacts())
                : publisher.publish(options, described.artifacts());
        report.notes().forEach(out::println);
        for (AssetOutcome outcome : report.outcomes()) {
            out.println(outcome.line());
        }
        out.flush();
        for (String problem : report.problems()) {
            err.println(problem);
        }
        if (report.published()) {
            err.println("published " + report.releaseUrl().orElse(tag));
        }
        err.flush();
        return report.succeeded() ? 0 : 1;
    }
}

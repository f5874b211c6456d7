package io.jenkins.plugins.installerpipeline.github;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Run;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The GitHub token of a credentials id, looked up for a build (so folder credentials and the job's permission to use
 * them apply, and GitHub App credentials are scoped to the job's repository) and tracked on it:
 * <ul>
 *   <li>Secret text: the token;</li>
 *   <li>Username with password: the password (a personal access token);</li>
 *   <li>GitHub App (github-branch-source): its password, which is an installation access token.</li>
 * </ul>
 * Messages never contain the token.
 */
public final class GitHubToken {

    private GitHubToken() {}

    /** The token, or an {@link AbortException} a user can act on. */
    public static @NonNull String forRun(@NonNull String credentialsId, @NonNull Run<?, ?> run) throws AbortException {
        StandardCredentials credentials = CredentialsProvider.findCredentialById(credentialsId,
                StandardCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("No credentials with id '" + credentialsId + "' that "
                    + run.getParent().getFullName() + " may use; add Secret text (a GitHub token), Username with"
                    + " password (the token as password) or GitHub App credentials with that id");
        }
        String token;
        if (credentials instanceof StringCredentials secretText) {
            token = secretText.getSecret().getPlainText();
        } else if (credentials instanceof StandardUsernamePasswordCredentials usernamePassword) {
            try {
                token = usernamePassword.getPassword().getPlainText();
            } catch (IllegalStateException | IllegalArgumentException e) {
                // GitHub App credentials: no installation token for this job's repository (or the App is refused).
                throw new AbortException("Credentials '" + credentialsId + "' gave no GitHub token for "
                        + run.getParent().getFullName() + ": " + e.getMessage());
            }
        } else {
            throw new AbortException("Credentials '" + credentialsId + "' are " + credentials.getClass().getSimpleName()
                    + "; use Secret text, Username with password, or GitHub App credentials");
        }
        if (token == null || token.isBlank()) {
            throw new AbortException("Credentials '" + credentialsId + "' hold an empty token");
        }
        CredentialsProvider.track(run, credentials);
        return token;
    }
}

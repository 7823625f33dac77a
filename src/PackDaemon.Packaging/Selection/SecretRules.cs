namespace PackDaemon.Packaging.Selection;

/// <summary>The rule ids a <see cref="SecretFinding"/> carries.</summary>
public static class SecretRules
{
    public const string PrivateKey = "private-key";
    public const string ServiceAccountKey = "service-account-key";
    public const string AwsAccessKey = "aws-access-key";
    public const string AwsAccessKeyId = "aws-access-key-id";
    public const string GitHubToken = "github-token";
    public const string SlackToken = "slack-token";
    public const string StripeSecretKey = "stripe-secret-key";
    public const string GoogleApiKey = "google-api-key";
    public const string PyPiToken = "pypi-token";
    public const string EnvSecretValue = "env-secret-value";
    public const string UrlPassword = "url-password";
    public const string EnvFile = "env-file";
    public const string AssignedSecret = "assigned-secret";
    public const string AwsSecretAccessKey = "aws-secret-access-key";
}

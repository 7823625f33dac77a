namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A private key block (PEM, OpenSSH, PGP, or inside a JSON service-account file).</summary>
    public const string SecretPrivateKey = "PD4001";

    /// <summary>An AWS access key id together with its secret access key.</summary>
    public const string SecretAwsCredentials = "PD4002";

    /// <summary>An AWS access key id without a secret next to it: a warning, the id alone does not authenticate.</summary>
    public const string SecretAwsAccessKeyId = "PD4003";

    /// <summary>A well-known credential token: GitHub, Slack, Stripe live secret key, Google API key, PyPI upload token.</summary>
    public const string SecretCredentialToken = "PD4004";

    /// <summary>An env or credential file (.env, .envrc, .netrc, .pypirc) gives a value to a secret-looking name.</summary>
    public const string SecretEnvValue = "PD4005";

    /// <summary>A URL with a password (<c>scheme://user:password@host</c>) in an env or credential file.</summary>
    public const string SecretUrlPassword = "PD4006";

    /// <summary>An env or credential file without secret-looking values: packaged, with a warning.</summary>
    public const string SecretEnvFile = "PD4007";

    /// <summary>A credential-looking value given to a secret name in Python or YAML (SECRET_KEY, a DATABASES password,
    /// a kubeconfig token).</summary>
    public const string SecretAssignedValue = "PD4008";
}

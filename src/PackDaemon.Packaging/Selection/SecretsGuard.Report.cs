using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

public sealed partial class SecretsGuard
{
    private const string AllowListHint = "or, if it is a harmless fixture, add its path to [tool.packd] secrets-allow in pyproject.toml.";

    /// <summary>Turns findings into diagnostics for one artifact: errors in the wheel; warnings in the sdist's test folders;
    /// warnings for allow-listed files (saying the allow-list was used) and for env files without secret values.</summary>
    public void Report(IReadOnlyList<SecretFinding> findings, ArtifactKind kind, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(diagnostics);
        string? lastFile = null;
        string? allowedBy = null;
        foreach (SecretFinding finding in findings)
        {
            if (!string.Equals(finding.File, lastFile, StringComparison.Ordinal))
            {
                lastFile = finding.File;
                allowedBy = AllowingPattern(finding.File);
            }

            diagnostics.Add(ToDiagnostic(finding, kind, allowedBy));
        }
    }

    /// <summary>The allow-list pattern that covers <paramref name="relativePath"/>, or null.</summary>
    public string? AllowingPattern(string relativePath)
    {
        foreach (SecretAllowGlob glob in _allow)
        {
            if (glob.IsMatch(relativePath))
            {
                return glob.Pattern;
            }
        }

        return null;
    }

    private static Diagnostic ToDiagnostic(SecretFinding finding, ArtifactKind kind, string? allowedBy)
    {
        string artifact = kind == ArtifactKind.Wheel ? "wheel" : "sdist";
        string message;
        DiagnosticSeverity severity;
        if (allowedBy is not null)
        {
            severity = DiagnosticSeverity.Warning;
            message = $"Found {finding.Detail} (rule {finding.Rule}); packaged into the {artifact} because it is allowed by [tool.packd] secrets-allow '{allowedBy}'.";
        }
        else if (!finding.IsSecret)
        {
            severity = DiagnosticSeverity.Warning;
            message = finding.Rule == SecretRules.EnvFile
                ? $"The {artifact} includes {finding.Detail} (rule {finding.Rule}); packaged, but env files rarely belong in a release."
                : $"Found {finding.Detail} (rule {finding.Rule}); packaged, but check it is not a credential.";
        }
        else if (kind == ArtifactKind.Sdist && SecretFileNames.IsInTestFolder(finding.File))
        {
            severity = DiagnosticSeverity.Warning;
            message = $"Found {finding.Detail} (rule {finding.Rule}) in a test folder; packaged into the sdist as a test fixture, but a wheel would refuse it.";
        }
        else
        {
            severity = DiagnosticSeverity.Error;
            message = $"Found {finding.Detail} (rule {finding.Rule}); packd refuses to put a secret into the {artifact}.";
        }

        string fix = allowedBy is null
            ? FixFor(finding)
            : $"Nothing to do if this file is meant to ship; remove '{allowedBy}' from [tool.packd] secrets-allow to make the build refuse it again.";
        return new Diagnostic(CodeFor(finding.Rule), severity, message, finding.File, finding.Line, finding.Column, fix);
    }

    private static string CodeFor(string rule) => rule switch
    {
        SecretRules.PrivateKey or SecretRules.ServiceAccountKey => DiagnosticCodes.SecretPrivateKey,
        SecretRules.AwsAccessKey => DiagnosticCodes.SecretAwsCredentials,
        SecretRules.AwsAccessKeyId => DiagnosticCodes.SecretAwsAccessKeyId,
        SecretRules.EnvSecretValue => DiagnosticCodes.SecretEnvValue,
        SecretRules.UrlPassword => DiagnosticCodes.SecretUrlPassword,
        SecretRules.AssignedSecret => DiagnosticCodes.SecretAssignedValue,
        SecretRules.AwsSecretAccessKey => DiagnosticCodes.SecretAwsCredentials,
        SecretRules.EnvFile => DiagnosticCodes.SecretEnvFile,
        _ => DiagnosticCodes.SecretCredentialToken,
    };

    private static string FixFor(SecretFinding finding) => finding.Rule switch
    {
        SecretRules.EnvFile when !finding.IsSecret =>
            "If the file is not meant for users, add it to .gitignore or exclude it from the artifact; "
            + "if it is a fixture, add its path to [tool.packd] secrets-allow to record that it was reviewed.",
        SecretRules.EnvFile or SecretRules.EnvSecretValue or SecretRules.UrlPassword =>
            "Remove the file from the project or add it to .gitignore, set the value in the environment at deploy time "
            + "(commit a .env.example with placeholders instead), " + AllowListHint,
        SecretRules.PrivateKey or SecretRules.ServiceAccountKey =>
            "Remove the key file from the project or add it to .gitignore, load the key from a path or environment "
            + "variable at runtime, revoke it if it was ever published, " + AllowListHint,
        _ =>
            "Remove the credential from the file and read it from an environment variable at runtime, add the file to "
            + ".gitignore if it is local configuration, revoke the credential if it was ever published, " + AllowListHint,
    };
}

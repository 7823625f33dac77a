using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Selection;

/// <summary>Refuses to package secrets: private keys, cloud credentials, env and credential files with secret values.</summary>
/// <remarks>
/// <para>Content rules run on every text file (<see cref="SecretContentScanner"/>): private key blocks with a base64 body
/// (certificates, public keys, a bare header quoted in code and elided doc samples are not secrets), AWS key id plus
/// secret, GitHub, Slack, Stripe live, Google API and PyPI tokens. A file is binary, and skips them, when its first
/// 8 KB hold a NUL byte, the test git and grep use.</para>
/// <para>By-name rules (<see cref="SecretCredentialFileScanner"/>) cover <c>.env</c>, <c>.env.*</c>, <c>.envrc</c>,
/// <c>.netrc</c>/<c>_netrc</c> and <c>.pypirc</c>. Templates (<c>.env.example</c>, <c>.sample</c>, <c>.template</c>,
/// <c>.dist</c>, <c>.tpl</c>, <c>.defaults</c>) skip them, content rules still apply. A value given to a name containing
/// KEY, SECRET, TOKEN, PASSWORD, PASSWD or CREDENTIAL, or a URL with a password, is a secret unless it is a placeholder
/// (<see cref="SecretValueClassifier.IsPlaceholder"/>); a file with no secret value is packaged with a warning.</para>
/// <para>Severity (<see cref="Report"/>): error, except warnings for allow-listed files, for secrets under a test folder
/// of the sdist (tests, test, testing, testdata), for env files without secret values and for a lone AWS key id.
/// Diagnostics never hold a secret: see <see cref="SecretRedaction"/>.</para>
/// <para>The instance is immutable: Scan and Report are safe in parallel.</para>
/// </remarks>
public sealed partial class SecretsGuard
{
    private const int BinaryProbeLength = 8 * 1024;

    private readonly SecretAllowGlob[] _allow;

    public SecretsGuard(IReadOnlyList<string> allowGlobs)
    {
        ArgumentNullException.ThrowIfNull(allowGlobs);
        _allow = new SecretAllowGlob[allowGlobs.Count];
        for (int i = 0; i < _allow.Length; i++)
        {
            _allow[i] = new SecretAllowGlob(allowGlobs[i]);
        }
    }

    /// <summary>
    /// One secret, one finding: a value found by its own format (a GitHub token given to <c>TOKEN =</c>) is not reported
    /// again as an assigned value on its line, and a secret access key already paired with its key id by the AWS rule
    /// (within its five-line window) is not reported again alone.
    /// </summary>
    private static void DropEchoes(List<SecretFinding> findings)
    {
        findings.RemoveAll(echo =>
            (echo.Rule == SecretRules.AssignedSecret && findings.Exists(f => f.Line == echo.Line && f.Rule != SecretRules.AssignedSecret))
            || (echo.Rule is SecretRules.AssignedSecret or SecretRules.AwsSecretAccessKey
                && findings.Exists(f => f.Rule == SecretRules.AwsAccessKey && Math.Abs(f.Line - echo.Line) <= 5)));
    }

    /// <summary>Scans one file's bytes. Cheap on files without a match; safe to call in parallel.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API by contract; rules may become configurable.")]
    public IReadOnlyList<SecretFinding> Scan(string relativePath, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        SecretFileKind kind = SecretFileNames.Classify(relativePath);
        bool binary = content[..Math.Min(content.Length, BinaryProbeLength)].Contains((byte)0);
        List<SecretFinding>? findings = null;
        if (binary)
        {
            if (kind != SecretFileKind.Other)
            {
                (findings = []).Add(SecretCredentialFileScanner.Binary(relativePath, kind));
            }
        }
        else
        {
            SecretContentScanner.Scan(relativePath, content, ref findings);
            if (kind != SecretFileKind.Other)
            {
                SecretCredentialFileScanner.Scan(relativePath, kind, content, ref findings);
            }
            else if (SecretAssignmentScanner.AppliesTo(relativePath))
            {
                SecretAssignmentScanner.Scan(relativePath, content, ref findings);
            }

            if (findings is { Count: > 1 })
            {
                DropEchoes(findings);
            }
        }

        if (findings is null)
        {
            return [];
        }

        // Content, by-name and assignment rules each report in file order; merged, they must read top to bottom too.
        if (findings.Count > 1)
        {
            findings.Sort(static (a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        }

        return findings;
    }
}

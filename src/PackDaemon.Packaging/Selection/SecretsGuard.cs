using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Selection;

/// <summary>Refuses to package secrets: private keys, cloud credentials, env and credential files with secret values.</summary>
/// <remarks>
/// Rules: content rules on every text file (<see cref="SecretContentScanner"/>), by-name rules on env and credential
/// files (<see cref="SecretCredentialFileScanner"/>). A file is binary, and skips the content rules, when its first
/// 8 KB hold a NUL byte, the test git and grep use. The instance is immutable: Scan and Report are safe in parallel.
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
        }

        return findings is null ? [] : findings;
    }
}

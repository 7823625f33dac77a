using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>Refuses to package secrets: private keys, cloud credentials, env and credential files with secret values.</summary>
public sealed class SecretsGuard
{
    public SecretsGuard(IReadOnlyList<string> allowGlobs) => throw new NotImplementedException();

    /// <summary>Scans one file's bytes. Cheap on files without a match; safe to call in parallel.</summary>
    public IReadOnlyList<SecretFinding> Scan(string relativePath, ReadOnlySpan<byte> content) => throw new NotImplementedException();

    /// <summary>Turns findings into diagnostics for one artifact: errors in the wheel; warnings in the sdist's test folders;
    /// warnings for allow-listed files (saying the allow-list was used) and for env files without secret values.</summary>
    public void Report(IReadOnlyList<SecretFinding> findings, ArtifactKind kind, DiagnosticBag diagnostics) => throw new NotImplementedException();
}

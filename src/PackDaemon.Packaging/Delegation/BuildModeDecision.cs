namespace PackDaemon.Packaging.Delegation;

/// <summary>How a project is built, and why, as the build result and <c>status</c> report it.</summary>
/// <param name="Delegated">True when the project's own PEP 517 backend must build it.</param>
/// <param name="Backend">The backend object reference (<c>setuptools.build_meta:__legacy__</c>), also when native.</param>
/// <param name="BackendPath">The <c>backend-path</c> entries, relative to the root (in-tree backends).</param>
/// <param name="Reason">One human sentence: what made packd choose this mode.</param>
/// <param name="Timeout">The <c>[tool.packd] delegate-timeout</c>, or null for the default.</param>
public sealed record BuildModeDecision(
    bool Delegated,
    string Backend,
    IReadOnlyList<string> BackendPath,
    string Reason,
    TimeSpan? Timeout = null)
{
    public const string NativeMode = "native";

    /// <summary>A native build for which Python computed one value (<c>native+evaluated:version</c>).</summary>
    public const string EvaluatedModePrefix = "native+evaluated:";

    /// <summary>The <c>[tool.packd] secrets-allow</c> globs, read here too because a delegated build never runs the
    /// native loader, yet its artifacts meet the same secrets guard.</summary>
    public IReadOnlyList<string> SecretsAllow { get; init; } = [];

    /// <summary><c>native</c> or <c>delegated:&lt;backend&gt;</c>.</summary>
    public string Mode => Delegated ? "delegated:" + Backend : NativeMode;
}

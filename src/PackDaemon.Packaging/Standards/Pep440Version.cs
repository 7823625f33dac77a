using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Standards;

/// <summary>A PEP 440 version, kept in its normalized form.</summary>
public sealed class Pep440Version
{
    private Pep440Version(string normalized, bool hasLocal)
    {
        Normalized = normalized;
        HasLocal = hasLocal;
    }

    /// <summary>The canonical text: lowercased, integer segments, a/b/rc, .postN, .devN, local with dots. Trailing zeros kept.</summary>
    public string Normalized { get; }

    /// <summary>True when a local label (<c>+abc</c>) is present; PyPI refuses those.</summary>
    public bool HasLocal { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440Version? version) => throw new NotImplementedException();

    public override string ToString() => Normalized;
}

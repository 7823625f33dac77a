using System.Diagnostics.CodeAnalysis;

namespace PackDaemon.Packaging.Standards;

/// <summary>PEP 639 license expressions: SPDX identifiers with AND/OR/WITH and parentheses, case-normalized.</summary>
public static class SpdxExpression
{
    public static bool TryNormalize(string text, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
        => throw new NotImplementedException();
}

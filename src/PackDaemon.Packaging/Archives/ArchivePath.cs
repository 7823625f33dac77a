using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Archives;

/// <summary>Checks member paths before they enter an archive, so no artifact can escape its extraction folder.</summary>
internal static class ArchivePath
{
    /// <summary>Throws a <see cref="PackagingException"/> (PD5010) unless <paramref name="path"/> is a safe relative path.</summary>
    /// <remarks>
    /// Refused: empty, absolute (<c>/x</c>), <c>..</c> or <c>.</c> or empty components (<c>a//b</c>, trailing <c>/</c>),
    /// backslashes (a Windows extractor would split on them) and NUL (it ends C strings, so extractors disagree).
    /// </remarks>
    public static void Validate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? problem = Check(path);
        if (problem is not null)
        {
            throw new PackagingException(
            [
                new Diagnostic(
                    DiagnosticCodes.ArchivePathInvalid,
                    DiagnosticSeverity.Error,
                    $"Archive member path '{path}' {problem}.",
                    path,
                    Fix: "Archive members need relative paths with '/' separators and no '.', '..' or empty components; exclude or rename the file."),
            ]);
        }
    }

    private static string? Check(string path)
    {
        if (path.Length == 0)
        {
            return "is empty";
        }

        if (path[0] == '/')
        {
            return "is absolute";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "contains a backslash";
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return "contains a NUL character";
        }

        foreach (var range in path.AsSpan().Split('/'))
        {
            var component = path.AsSpan(range);
            if (component.Length == 0)
            {
                return "has an empty component (a doubled or trailing '/')";
            }

            if (component is "." or "..")
            {
                return $"has a '{component}' component";
            }
        }

        return null;
    }

    public static PackagingException Duplicate(string path) => new(
    [
        new Diagnostic(
            DiagnosticCodes.ArchiveDuplicateEntry,
            DiagnosticSeverity.Error,
            $"Archive member '{path}' was added twice.",
            path,
            Fix: "Two inputs map to the same path in the archive; exclude one of them or change its target path."),
    ]);

    public static PackagingException TooLarge(string path, string what) => new(
    [
        new Diagnostic(
            DiagnosticCodes.ArchiveTooLarge,
            DiagnosticSeverity.Error,
            $"Archive member '{path}' {what}.",
            path,
            Fix: "Exclude the file from the artifact or shorten its path."),
    ]);
}

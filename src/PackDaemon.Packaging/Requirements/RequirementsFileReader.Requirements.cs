using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Requirements;

internal sealed partial class RequirementsFileReader
{
    private void ReadRequirement(string display, RequirementsLogicalLine line, string text, List<RequirementLine> output)
    {
        int scheme = text.IndexOf("://", StringComparison.Ordinal);
        int at = text.IndexOf('@', StringComparison.Ordinal);
        if (scheme >= 0 && (at < 0 || at > scheme) && !text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            Error(DiagnosticCodes.RequirementsUnnamedUrl, display, line, 0,
                $"'{text}' is a VCS or archive URL without a project name, so it cannot become a Requires-Dist.",
                "Publish the project and require it as 'name==version' (PyPI also refuses 'name @ url' dependencies).");
            return;
        }

        if (LooksLikeLocalPath(text))
        {
            Error(DiagnosticCodes.RequirementsLocalPath, display, line, 0,
                $"'{text}' is a local path; a published package cannot depend on a path on this machine.",
                "Publish that project and require it by name, such as 'name==1.2.3'.");
            return;
        }

        if (!Requirement.TryParse(text, out Requirement? requirement, out string? error, out int column))
        {
            Error(DiagnosticCodes.InvalidRequirement, display, line, column - 1,
                $"'{text}' is not a valid requirement: {error}.",
                "Write a PEP 508 requirement such as 'name==1.2.3' or 'name>=1.0; python_version >= \"3.9\"'.");
            return;
        }

        if (requirement.Url is not null)
        {
            if (requirement.Url.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                Error(DiagnosticCodes.RequirementsLocalPath, display, line, text.IndexOf(requirement.Url, StringComparison.Ordinal),
                    $"'{requirement.Name} @ {requirement.Url}' points at a file on this machine (pip freeze writes this for packages installed from local files, e.g. by conda).",
                    $"Replace it with '{requirement.Name}==<version>' (see 'pip show {requirement.Name}' for the version).");
                return;
            }

            int urlColumn = text.IndexOf(requirement.Url, StringComparison.Ordinal);
            _diagnostics.Warning(
                DiagnosticCodes.RequirementsDirectUrl,
                $"'{requirement.ToMetadataString()}' is a direct URL dependency; it works for local installs, but PyPI refuses to upload packages that have one.",
                display,
                line.Line,
                urlColumn < line.FirstLineLength ? line.Column + urlColumn : 0,
                $"Before publishing to PyPI, publish '{requirement.Name}' to an index and require it as '{requirement.Name}==<version>'.");
        }

        var result = new RequirementLine(requirement, display, line.Line);
        string key = requirement.NormalizedName + ";" + requirement.Marker;
        if (_byNameAndMarker.TryGetValue(key, out RequirementLine? earlier))
        {
            string now = requirement.ToMetadataString();
            string before = earlier.Requirement.ToMetadataString();
            if (!string.Equals(ComparableText(now, requirement), ComparableText(before, earlier.Requirement), StringComparison.Ordinal))
            {
                _diagnostics.Error(
                    DiagnosticCodes.RequirementsConflictingDuplicate,
                    $"'{requirement.Name}' is required twice with different specifications: '{before}' ({earlier.File}:{earlier.Line}) and '{now}'.",
                    display,
                    line.Line,
                    line.Column,
                    "Keep one line for the project, or give each line a different environment marker.");
                return;
            }
        }
        else
        {
            _byNameAndMarker[key] = result;
        }

        output.Add(result);
    }

    // Identical requirements may differ only in how the name is spelled ("Flask" vs "flask").
    private static string ComparableText(string text, Requirement requirement) =>
        requirement.NormalizedName + text[requirement.Name.Length..];

    private static bool LooksLikeLocalPath(string text)
    {
        if (text is "." or "..")
        {
            return true;
        }

        if (text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal)
            || text.StartsWith(".\\", StringComparison.Ordinal) || text.StartsWith("..\\", StringComparison.Ordinal)
            || text.StartsWith('/') || text.StartsWith('~') || text.StartsWith('\\')
            || text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "C:\..." or "C:/...".
        if (text.Length >= 3 && char.IsAsciiLetter(text[0]) && text[1] == ':' && text[2] is '\\' or '/')
        {
            return true;
        }

        // pip treats a requirement holding a path separator, or naming an archive, as a path when there is no '@ url'.
        int semicolon = text.IndexOf(';', StringComparison.Ordinal);
        string head = semicolon >= 0 ? text[..semicolon].TrimEnd() : text;
        bool hasUrl = head.Contains('@', StringComparison.Ordinal);
        return !hasUrl && (head.Contains('/', StringComparison.Ordinal) || head.Contains('\\', StringComparison.Ordinal)
            || head.EndsWith(".whl", StringComparison.OrdinalIgnoreCase) || head.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase)
            || head.EndsWith(".zip", StringComparison.OrdinalIgnoreCase));
    }
}

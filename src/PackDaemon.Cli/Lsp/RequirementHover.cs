using System.Text;
using PackDaemon.Cli.Lsp.Messages;
using PackDaemon.Packaging.Standards;

namespace PackDaemon.Cli.Lsp;

/// <summary>Hover on a requirement: what packd's own PEP 508 parser (the one that writes Requires-Dist) makes of it,
/// so the editor shows exactly what the wheel will declare, or why the line is rejected.</summary>
internal static class RequirementHover
{
    public static LspHover? Create(PackagingFileKind kind, string text, int line, int character)
    {
        var lines = DiagnosticRanges.SplitLines(text);
        if (RequirementLocator.Find(kind, lines, line, character) is not { } found)
        {
            return null;
        }

        var range = new LspRange(new LspPosition(line, found.Start), new LspPosition(line, found.End));
        return new LspHover(new LspMarkupContent("markdown", Describe(found.Text)), range);
    }

    public static string Describe(string requirementText)
    {
        if (!Requirement.TryParse(requirementText, out var requirement, out var error, out var column))
        {
            return $"**not a valid PEP 508 requirement**: {error} (at column {column} of `{requirementText}`)";
        }

        var markdown = new StringBuilder();
        markdown.Append("**").Append(requirement.Name).Append("** (PEP 508 requirement)\n\n");
        markdown.Append("- name: `").Append(requirement.Name).Append('`');
        if (!string.Equals(requirement.NormalizedName, requirement.Name, StringComparison.Ordinal))
        {
            markdown.Append(" (normalized `").Append(requirement.NormalizedName).Append("`)");
        }

        markdown.Append('\n');
        markdown.Append("- specifier: ").Append(Code(requirement.Specifier, "any version")).Append('\n');
        markdown.Append("- extras: ").Append(requirement.Extras.Count == 0 ? "none" : Code(string.Join(", ", requirement.Extras), "none")).Append('\n');
        markdown.Append("- markers: ").Append(Code(requirement.Marker, "none")).Append('\n');
        if (requirement.Url is { } url)
        {
            markdown.Append("- url: `").Append(url).Append("`\n");
        }

        markdown.Append("- Requires-Dist: `").Append(requirement.ToMetadataString()).Append('`');
        return markdown.ToString();
    }

    private static string Code(string? value, string whenEmpty) => string.IsNullOrEmpty(value) ? whenEmpty : "`" + value + "`";
}

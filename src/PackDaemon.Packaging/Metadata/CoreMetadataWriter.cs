using System.Text;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Metadata;

/// <summary>Serializes METADATA (wheel) and PKG-INFO (sdist): the lowest Metadata-Version the fields need, no raw line
/// break in any header, the description in the body.</summary>
public static class CoreMetadataWriter
{
    // flit's choice; any leading whitespace marks a continuation line for email.parser.
    private const string FoldIndent = "        ";

    /// <returns>The file text; encode it as UTF-8 without a BOM. Lines end with <c>\n</c>.</returns>
    /// <exception cref="ArgumentException">A single-line field holds a line break (the loader rejects those first).</exception>
    public static string Write(CoreMetadata metadata, ArtifactKind kind)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var sb = new StringBuilder(1024);
        Header(sb, "Metadata-Version", SelectMetadataVersion(metadata, kind));
        Header(sb, "Name", metadata.Name);
        Header(sb, "Version", metadata.Version);
        Header(sb, "Summary", metadata.Summary);
        if (metadata.Keywords.Count > 0)
        {
            Header(sb, "Keywords", string.Join(',', metadata.Keywords));
        }

        Header(sb, "Home-page", metadata.HomePage);
        Header(sb, "Download-URL", metadata.DownloadUrl);
        foreach (var url in metadata.ProjectUrls)
        {
            Header(sb, "Project-URL", url.Label + ", " + url.Url);
        }

        Header(sb, "Author", metadata.Author);
        Header(sb, "Author-email", metadata.AuthorEmail);
        Header(sb, "Maintainer", metadata.Maintainer);
        Header(sb, "Maintainer-email", metadata.MaintainerEmail);
        Header(sb, "License-Expression", metadata.LicenseExpression);
        if (!string.IsNullOrEmpty(metadata.License))
        {
            FoldedHeader(sb, "License", metadata.License);
        }

        Headers(sb, "License-File", metadata.LicenseFiles);
        Headers(sb, "Classifier", metadata.Classifiers);
        Header(sb, "Requires-Python", metadata.RequiresPython);
        Headers(sb, "Import-Name", metadata.ImportNames);
        Headers(sb, "Import-Namespace", metadata.ImportNamespaces);
        Headers(sb, "Requires-Dist", metadata.RequiresDist);
        foreach (var extra in metadata.Extras)
        {
            Header(sb, "Provides-Extra", extra.Name);
            Headers(sb, "Requires-Dist", extra.RequiresDist);
        }

        Header(sb, "Description-Content-Type", metadata.DescriptionContentType);
        if (metadata.Description is not null)
        {
            // The body starts after one completely blank line; CR line ends become LF so the file is stable across OSes.
            sb.Append('\n');
            sb.Append(metadata.Description.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
        }

        return sb.ToString();
    }

    /// <summary>The lowest version covering the fields in use: 2.1 baseline (Description-Content-Type, Provides-Extra),
    /// 2.2 for sdists (PKG-INFO must be at least 2.2), 2.4 for PEP 639 fields, 2.5 for import names.</summary>
    public static string SelectMetadataVersion(CoreMetadata metadata, ArtifactKind kind)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.ImportNames.Count > 0 || metadata.ImportNamespaces.Count > 0)
        {
            return "2.5";
        }

        if (metadata.LicenseExpression is not null || metadata.LicenseFiles.Count > 0)
        {
            return "2.4";
        }

        return kind == ArtifactKind.Sdist ? "2.2" : "2.1";
    }

    private static void Headers(StringBuilder sb, string name, IReadOnlyList<string> values)
    {
        foreach (var value in values)
        {
            Header(sb, name, value);
        }
    }

    private static void Header(StringBuilder sb, string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        if (HeaderText.ContainsLineBreak(value))
        {
            throw new ArgumentException($"The {name} value holds a line break, which would end the header.", nameof(value));
        }

        sb.Append(name).Append(": ").Append(value).Append('\n');
    }

    private static void FoldedHeader(StringBuilder sb, string name, string value)
    {
        var lines = HeaderText.SplitLines(value.TrimEnd('\n', '\r'));
        sb.Append(name).Append(": ").Append(lines[0]).Append('\n');
        for (var i = 1; i < lines.Count; i++)
        {
            // Every continuation line starts with whitespace, so an empty source line never becomes the blank line
            // that ends the header block.
            sb.Append(FoldIndent).Append(lines[i]).Append('\n');
        }
    }
}

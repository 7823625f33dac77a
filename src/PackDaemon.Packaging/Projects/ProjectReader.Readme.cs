using PackDaemon.Packaging.Diagnostics;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    private const string ReadmeFix = "Use a `.md`, `.rst` or `.txt` file, or a table: readme = {file = \"README\", content-type = \"text/markdown\"}.";

    private static readonly string[] s_readmeContentTypes = ["text/markdown", "text/x-rst", "text/plain"];

    private (string? Text, string? ContentType) ReadReadme()
    {
        if (!_project.TryGetValue("readme", out var value))
        {
            return (null, null);
        }

        var path = Child("readme");
        switch (value)
        {
            case string file:
            {
                var contentType = ContentTypeFromExtension(file);
                if (contentType is null)
                {
                    _context.Error(
                        DiagnosticCodes.ReadmeInvalid,
                        $"packd cannot tell the content type of the readme `{file}` from its extension (known: .md, .rst, .txt).",
                        path,
                        ReadmeFix);
                    return (null, null);
                }

                return (ReadReadmeFile(file, path), contentType);
            }

            case TomlTable table:
                return ReadReadmeTable(table, path);
            default:
                _context.TypeError(path, "a file path string or a table", value);
                return (null, null);
        }
    }

    private (string? Text, string? ContentType) ReadReadmeTable(TomlTable table, string path)
    {
        foreach (var key in table.Keys)
        {
            if (key is not ("file" or "text" or "content-type" or "charset"))
            {
                _context.Error(
                    DiagnosticCodes.ReadmeInvalid,
                    $"`readme` has an unknown key `{key}`.",
                    TomlLocationIndex.Child(path, key),
                    "A readme table holds `file` or `text`, `content-type` and optionally `charset`.");
            }
        }

        var file = _context.GetString(table, "file", path);
        var text = _context.GetString(table, "text", path);
        var contentType = _context.GetString(table, "content-type", path);
        var charset = _context.GetString(table, "charset", path);
        if (file is not null && text is not null)
        {
            _context.Error(
                DiagnosticCodes.ReadmeInvalid,
                "`readme` holds both `file` and `text`; they are mutually exclusive.",
                TomlLocationIndex.Child(path, "text"),
                "Keep either `file` or `text`.");
            return (null, null);
        }

        if (file is null && text is null)
        {
            _context.Error(
                DiagnosticCodes.ReadmeInvalid,
                "The `readme` table has neither `file` nor `text`.",
                path,
                "Add `file = \"README.md\"` or `text = \"...\"`.");
            return (null, null);
        }

        if (contentType is null && _context.FromSetupCfg)
        {
            // setup.cfg's long_description without long_description_content_type: setuptools writes no
            // Description-Content-Type header, and PyPI then renders the text as reStructuredText.
            return text is not null ? (text, null) : (ReadReadmeFile(file!, TomlLocationIndex.Child(path, "file")), null);
        }

        if (contentType is null)
        {
            _context.Error(
                DiagnosticCodes.ReadmeInvalid,
                "The `readme` table has no `content-type`; it is required in the table form.",
                path,
                "Add `content-type = \"text/markdown\"` (or \"text/x-rst\", \"text/plain\").");
            return (null, null);
        }

        if (!_context.CheckSingleLine(contentType, TomlLocationIndex.Child(path, "content-type"), "`content-type`"))
        {
            return (null, null);
        }

        var mediaType = contentType.Split(';', 2)[0].Trim();
        if (Array.IndexOf(s_readmeContentTypes, mediaType.ToLowerInvariant()) < 0)
        {
            _context.Error(
                DiagnosticCodes.ReadmeInvalid,
                $"The readme content type `{mediaType}` is not supported by PyPI.",
                TomlLocationIndex.Child(path, "content-type"),
                "Use `text/markdown`, `text/x-rst` or `text/plain`.");
            return (null, null);
        }

        if (charset is not null && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            _context.Error(
                DiagnosticCodes.ReadmeInvalid,
                $"The readme charset `{charset}` is not supported; packd reads readmes as UTF-8.",
                TomlLocationIndex.Child(path, "charset"),
                "Re-save the readme as UTF-8 and remove `charset` (or set it to \"UTF-8\").");
            return (null, null);
        }

        if (charset is not null && !contentType.Contains("charset=", StringComparison.OrdinalIgnoreCase))
        {
            contentType += "; charset=" + charset;
        }

        return text is not null ? (text, contentType) : (ReadReadmeFile(file!, TomlLocationIndex.Child(path, "file")), contentType);
    }

    private string? ReadReadmeFile(string file, string path)
    {
        var relative = _context.RelativePath(file, path, "readme");
        if (relative is null)
        {
            return null;
        }

        var text = _context.ReadTextFile(relative, path, "readme");
        if (text is not null)
        {
            _readmeFile = relative;
        }

        return text;
    }

    private static string? ContentTypeFromExtension(string file)
    {
        var extension = Path.GetExtension(file);
        if (extension.Equals(".md", StringComparison.OrdinalIgnoreCase))
        {
            return "text/markdown";
        }

        if (extension.Equals(".rst", StringComparison.OrdinalIgnoreCase))
        {
            return "text/x-rst";
        }

        return extension.Equals(".txt", StringComparison.OrdinalIgnoreCase) ? "text/plain" : null;
    }
}

using System.Text.RegularExpressions;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Projects.Poetry;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// poetry-core 1.4 reads a project's metadata from <c>[tool.poetry]</c>, not from <c>[project]</c>. This maps it to the
/// METADATA poetry-core writes (docs/compatibility.md#poetry-core): the first author only, its License and Python
/// classifiers, its constraint spellings, Home-page; errors point at the <c>[tool.poetry]</c> line.
/// </summary>
internal sealed partial class ProjectReader
{
    private const string PoetryBackend = "poetry.core.masonry.api";
    private const string PoetryPath = "tool.poetry";

    private bool UsesPoetryMetadata()
        => DeclaredBackend() == PoetryBackend && TableAt("tool") is { } tool && tool.TryGetValue("poetry", out var poetry)
            && poetry is TomlTable table && table.ContainsKey("name");

    private TomlTable PoetryTable() => (TomlTable)((TomlTable)_root["tool"])["poetry"];

    private static string PoetryChild(string key) => TomlLocationIndex.Child(PoetryPath, key);

    private LoadedProject? ReadPoetry()
    {
        var poetry = PoetryTable();
        var rawName = _context.GetString(poetry, "name", PoetryPath);
        if (rawName is not null && !ProjectName.IsValid(rawName))
        {
            _context.Error(DiagnosticCodes.NameInvalid, $"`{rawName}` is not a valid project name.", PoetryChild("name"),
                "Rename the project, e.g. `my-app` (letters, digits, `.`, `_`, `-`).");
            rawName = null;
        }

        string? version = null;
        if (_context.GetString(poetry, "version", PoetryPath) is { } versionText)
        {
            if (Pep440Version.TryParse(versionText, out var parsed))
            {
                version = parsed.Normalized;
            }
            else
            {
                _context.Error(DiagnosticCodes.VersionInvalid, $"`{versionText}` is not a PEP 440 version.", PoetryChild("version"),
                    "Write a version such as \"1.2.0\".");
            }
        }
        else if (!poetry.ContainsKey("version"))
        {
            _context.Error(DiagnosticCodes.VersionInvalid, "[tool.poetry] has no `version`; poetry-core requires it.", PoetryPath,
                "Add `version = \"0.1.0\"` to [tool.poetry].");
        }

        var summary = _context.GetString(poetry, "description", PoetryPath) ?? "";
        _context.CheckSingleLine(summary, PoetryChild("description"), "`description`");
        var (author, authorEmail) = ReadPoetryPerson("authors");
        var (maintainer, maintainerEmail) = ReadPoetryPerson("maintainers");
        var license = _context.GetString(poetry, "license", PoetryPath) is { Length: > 0 } licenseText ? PoetryLicense.Find(licenseText) : null;
        var keywords = (_context.GetStringList(poetry, "keywords", PoetryPath) ?? []).Select(static k => k.Value).ToArray();
        var (description, contentType) = ReadPoetryReadme(poetry);
        var (requiresPython, pythonConstraint, requiresDist, extras) = ReadPoetryDependencies(poetry);
        var classifiers = PoetryClassifiers.All(
            (_context.GetStringList(poetry, "classifiers", PoetryPath) ?? []).Select(static c => c.Value), pythonConstraint, license);
        var (homePage, urls) = ReadPoetryUrls(poetry);
        var entryPoints = ReadPoetryEntryPoints(poetry);
        var name = rawName is null ? null : ProjectName.Normalize(rawName);
        var selection = name is null ? null : ReadSelection(name);
        if (_context.HasNewErrors || name is null || version is null || selection is null)
        {
            return null;
        }

        var wheelLicenses = PoetryWheelLicenseFiles();
        var metadata = new CoreMetadata(name, version)
        {
            Summary = summary,
            Description = description,
            DescriptionContentType = contentType,
            Keywords = keywords,
            HomePage = homePage,
            Author = author,
            AuthorEmail = authorEmail,
            Maintainer = maintainer,
            MaintainerEmail = maintainerEmail,
            License = license?.Id,
            Classifiers = classifiers,
            ProjectUrls = urls,
            RequiresPython = requiresPython,
            RequiresDist = requiresDist,
            Extras = extras,
        };

        string[] required = [.. MetadataInputs(), .. wheelLicenses.Where(f => !MetadataInputs().Contains(f))];
        return new LoadedProject(metadata, ProjectName.ToFileNameComponent(name), version, wheelLicenses, entryPoints,
            selection with { SdistRequiredFiles = required, ReadmeAndLicenseFiles = ReadmeAndLicenseFiles() },
            required)
        {
            LicenseFolder = "",
            ReadmeFile = _readmeFile,
        };
    }

    // poetry-core's author pattern: a name of word characters and a little punctuation, then an optional <email>.
    [GeneratedRegex(@"^(?<name>[- .,\w'’""():&]+)(?: <(?<email>.+?)>)?$")]
    private static partial Regex PoetryAuthor();

    /// <summary>poetry-core writes the FIRST author (or maintainer) only, split into name and email.</summary>
    private (string? Name, string? Email) ReadPoetryPerson(string key)
    {
        var people = _context.GetStringList(PoetryTable(), key, PoetryPath);
        if (people is null || people.Count == 0)
        {
            return (null, null);
        }

        var (first, path) = people[0];
        var match = PoetryAuthor().Match(first.Normalize(System.Text.NormalizationForm.FormC));
        if (!match.Success)
        {
            _context.Error(DiagnosticCodes.PoetryMetadataInvalid, $"`{first}` is not in poetry's `Name <email>` form.", path,
                "Write it as \"Jane Doe <jane@example.org>\" (the email part is optional).");
            return (null, null);
        }

        return (match.Groups["name"].Value, match.Groups["email"].Success ? match.Groups["email"].Value : null);
    }

    /// <summary>One readme or several (joined by a newline); the content type follows the first one's extension.</summary>
    private (string? Text, string? ContentType) ReadPoetryReadme(TomlTable poetry)
    {
        if (!poetry.TryGetValue("readme", out var value))
        {
            return (null, null);
        }

        var files = value is string single ? [(single, PoetryChild("readme"))] : _context.AsStringList(value, PoetryChild("readme")) ?? [];
        var texts = new List<string>();
        foreach (var (file, path) in files)
        {
            var relative = _context.RelativePath(file, path, "readme");
            if (relative is null || _context.ReadTextFile(relative, path, "readme") is not { } text)
            {
                continue;
            }

            _readmeFile ??= relative;
            texts.Add(text);
        }

        if (texts.Count == 0)
        {
            return (null, null);
        }

        var extension = Path.GetExtension(files[0].Value);
        var contentType = extension == ".rst" ? "text/x-rst" : extension is ".md" or ".markdown" ? "text/markdown" : "text/plain";
        return (string.Join('\n', texts), contentType);
    }

    private (string? HomePage, ProjectUrl[] Urls) ReadPoetryUrls(TomlTable poetry)
    {
        var homepage = _context.GetString(poetry, "homepage", PoetryPath);
        var repository = _context.GetString(poetry, "repository", PoetryPath);
        var documentation = _context.GetString(poetry, "documentation", PoetryPath);
        var urls = new List<(string Label, string Url)>();
        if (homepage is not null)
        {
            urls.Add(("Homepage", homepage));
        }

        if (repository is not null)
        {
            urls.Add(("Repository", repository));
        }

        if (documentation is not null)
        {
            urls.Add(("Documentation", documentation));
        }

        foreach (var (label, url) in _context.GetTable(poetry, "urls", PoetryPath) ?? [])
        {
            if (url is not string text)
            {
                _context.TypeError(TomlLocationIndex.Child(PoetryChild("urls"), label), "a string (the URL)", url);
                continue;
            }

            urls.RemoveAll(u => u.Label == label);
            urls.Add((label, text));
        }

        // Home-page is the homepage, else the repository; a Homepage URL equal to it is not repeated as a Project-URL.
        var homePage = homepage ?? repository;
        return (homePage, urls.Where(u => !(u.Label == "Homepage" && u.Url == homePage)).Select(static u => new ProjectUrl(u.Label, u.Url)).ToArray());
    }

    /// <summary>The wheel's .dist-info carries COPYING*, LICENSE* and LICENSES/** from the project root, at their paths.</summary>
    private string[] PoetryWheelLicenseFiles()
    {
        var found = new List<string>();
        var root = _context.Root;
        foreach (var file in Directory.EnumerateFiles(root))
        {
            var name = Path.GetFileName(file);
            if (name is "COPYING" or "LICENSE" || name.StartsWith("COPYING.", StringComparison.Ordinal) || name.StartsWith("LICENSE.", StringComparison.Ordinal))
            {
                found.Add(name);
            }
        }

        var licenses = Path.Combine(root, "LICENSES");
        if (Directory.Exists(licenses))
        {
            found.AddRange(Directory.EnumerateFiles(licenses, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
        }

        found.Sort(StringComparer.Ordinal);
        return [.. found];
    }
}

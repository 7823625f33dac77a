using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Metadata;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

/// <summary>Maps one parsed pyproject.toml to a <see cref="LoadedProject"/>, collecting every error before giving up.</summary>
internal sealed partial class ProjectReader
{
    private const string ProjectPath = "project";

    // PPT#declaring-project-metadata: every key [project] may hold.
    private static readonly HashSet<string> s_projectKeys = new(StringComparer.Ordinal)
    {
        "name", "version", "description", "readme", "requires-python", "license", "license-files", "authors",
        "maintainers", "keywords", "classifiers", "urls", "scripts", "gui-scripts", "entry-points", "dependencies",
        "optional-dependencies", "import-names", "import-namespaces", "dynamic",
    };

    private readonly LoadContext _context;
    private readonly TomlTable _root;
    private readonly TomlTable _project = [];
    private readonly HashSet<string> _dynamic = new(StringComparer.Ordinal);
    private readonly List<string> _licenseFiles = [];

    // The version once read: flit's external data, pdm's and uv's wheel data go to <name>-<version>.data/.
    private string? _version;
    private readonly List<string> _requirementsFiles = [];
    private string? _readmeFile;
    private string? _legacyLicenseFile;
    private string? _versionFile;

    public ProjectReader(LoadContext context, TomlTable root)
    {
        _context = context;
        _root = root;
        if (root.TryGetValue("project", out var project) && project is TomlTable table)
        {
            _project = table;
        }
    }

    public LoadedProject? Read()
    {
        if (UsesPoetryMetadata())
        {
            return ReadPoetry();
        }

        if (!_root.TryGetValue("project", out var projectValue))
        {
            _context.Diagnostics.Error(
                DiagnosticCodes.ProjectTableMissing,
                "pyproject.toml has no [project] table, so packd does not know the project's name and version.",
                LoadContext.PyprojectFile,
                1,
                1,
                "Add a [project] table with at least `name` and `version` (https://packaging.python.org/en/latest/specifications/pyproject-toml/).");
            return null;
        }

        if (projectValue is not TomlTable)
        {
            _context.TypeError(ProjectPath, "a table", projectValue);
            return null;
        }

        ReadDynamic();
        var name = ReadName();
        var version = _version = ReadVersion(name);
        var summary = ReadSummary(name);
        var (description, contentType) = ReadReadme();
        var requiresPython = ReadRequiresPython();
        var license = ReadLicense();
        var (author, authorEmail) = ReadPeople("authors");
        var (maintainer, maintainerEmail) = ReadPeople("maintainers");
        var keywords = ReadKeywords();
        var classifiers = ReadClassifiers(license.Expression is not null);
        var urls = ReadUrls();
        var (requiresDist, extras) = ReadDependencies();
        var entryPoints = ReadEntryPoints();
        var importNames = ReadImportNames("import-names");
        var importNamespaces = ReadImportNames("import-namespaces");
        CheckImportNameOverlap(importNames, importNamespaces);
        ReportUnknownProjectKeys();
        _wheelStem = name is not null && version is not null ? $"{ProjectName.ToFileNameComponent(name)}-{version}" : "";
        var selection = ReadSelection(name);

        var homePage = LegacyUrl(_context.LegacyUrls.HomePage, "setup.cfg.url", "`url`");
        var downloadUrl = LegacyUrl(_context.LegacyUrls.DownloadUrl, "setup.cfg.download_url", "`download_url`");
        if (_context.HasNewErrors || name is null || version is null || selection is null)
        {
            return null;
        }

        _licenseFiles.Sort(StringComparer.Ordinal);
        var metadata = new CoreMetadata(name, version)
        {
            Summary = summary,
            Description = description,
            DescriptionContentType = contentType,
            Keywords = keywords,
            Author = author,
            AuthorEmail = authorEmail,
            Maintainer = maintainer,
            MaintainerEmail = maintainerEmail,
            LicenseExpression = license.Expression,
            License = license.Text,
            LicenseFiles = _licenseFiles.ToArray(),
            Classifiers = classifiers,
            ProjectUrls = urls,
            HomePage = homePage,
            DownloadUrl = downloadUrl,
            RequiresPython = requiresPython,
            RequiresDist = requiresDist,
            Extras = extras,
            ImportNames = importNames,
            ImportNamespaces = importNamespaces,
        };

        return new LoadedProject(
            metadata,
            ProjectName.ToFileNameComponent(name),
            version,
            metadata.LicenseFiles,
            entryPoints,
            selection with
            {
                SdistRequiredFiles = MetadataInputs(),
                ReadmeAndLicenseFiles = ReadmeAndLicenseFiles(),
                Backend = selection.Backend is Selection.Setuptools.SetuptoolsBuildOptions setuptools
                    ? setuptools with { DataFolder = $"{ProjectName.ToFileNameComponent(name)}-{version}.data" }
                    : selection.Backend,
            },
            MetadataInputs())
        {
            Evaluations = [.. _evaluations],
            EvaluationInputs = EvaluationInputs(),
            EvaluationFolders = EvaluationFolders(),
            ReadmeFile = _readmeFile,
        };
    }

    private string? LegacyUrl(string? url, string path, string what)
        => url is not null && _context.CheckSingleLine(url, path, what) ? url : null;

    private static string Child(string key) => TomlLocationIndex.Child(ProjectPath, key);

    private bool IsStatic(string key) => _project.ContainsKey(key);

    // Backends' sdists always carry these (hatchling: its requirements and version files only when the walk takes them).
    private string[] ReadmeAndLicenseFiles()
    {
        var files = new List<string>();
        foreach (var file in (string?[])[_readmeFile, .. _licenseFiles, _legacyLicenseFile])
        {
            if (file is not null && !files.Contains(file))
            {
                files.Add(file);
            }
        }

        return [.. files];
    }

    private string[] MetadataInputs()
    {
        var inputs = new List<string>(_context.ConfigFiles);
        void Add(string? file)
        {
            if (file is not null && !inputs.Contains(file))
            {
                inputs.Add(file);
            }
        }

        Add(_readmeFile);
        foreach (var file in _licenseFiles)
        {
            Add(file);
        }

        Add(_legacyLicenseFile);
        foreach (var file in _requirementsFiles)
        {
            Add(file);
        }

        Add(_versionFile);
        return inputs.ToArray();
    }

    private string? ReadName()
    {
        var path = Child("name");
        if (!_project.ContainsKey("name"))
        {
            _context.Error(
                DiagnosticCodes.NameInvalid,
                "[project] has no `name`; it is required and must be static.",
                ProjectPath,
                "Add `name = \"your-project\"` to [project].");
            return null;
        }

        var name = _context.GetString(_project, "name", ProjectPath);
        if (name is null)
        {
            return null;
        }

        if (!ProjectName.IsValid(name))
        {
            _context.Error(
                DiagnosticCodes.NameInvalid,
                $"`{name}` is not a valid project name: it must start and end with a letter or digit and hold only letters, digits, `.`, `_` and `-`.",
                path,
                "Rename the project, e.g. `my-app` (https://packaging.python.org/en/latest/specifications/name-normalization/).");
            return null;
        }

        return name;
    }

    private string? ReadSummary(string? name)
    {
        if (_dynamic.Contains("description") && !IsStatic("description") && DeclaredBackend() == FlitBackend)
        {
            return ReadFlitSummary(name);
        }

        var summary = _context.GetString(_project, "description", ProjectPath);
        return summary is not null && _context.CheckSingleLine(summary, Child("description"), "`description`") ? summary : null;
    }

    private string? ReadRequiresPython()
    {
        var path = Child("requires-python");
        var text = _context.GetString(_project, "requires-python", ProjectPath);
        if (text is null || !_context.CheckSingleLine(text, path, "`requires-python`"))
        {
            return null;
        }

        // A specifier set is exactly what follows a name in a PEP 508 requirement, so the requirement parser validates
        // and canonicalizes it; anything beyond the specifier (extras, URL, marker) is not allowed here.
        const string Probe = "python";
        if (!Requirement.TryParse(Probe + text, out var parsed, out var error, out var errorColumn)
            || parsed.Extras.Count > 0 || parsed.Url is not null || parsed.Marker is not null || parsed.Specifier.Length == 0)
        {
            var column = error is null ? 1 : Math.Max(1, errorColumn - Probe.Length);
            _context.Error(
                DiagnosticCodes.RequiresPythonInvalid,
                $"`requires-python = \"{text}\"` is not a valid version specifier set{(error is null ? "" : ": " + error)}.",
                path,
                "Write comma-separated PEP 440 specifiers such as \">=3.10\" or \">=3.10,<4\"; markers are not allowed here.",
                column);
            return null;
        }

        return parsed.Specifier;
    }

    private string[] ReadKeywords()
    {
        var items = _context.GetStringList(_project, "keywords", ProjectPath);
        if (items is null)
        {
            return [];
        }

        var result = new List<string>(items.Count);
        foreach (var (keyword, path) in items)
        {
            if (!_context.CheckSingleLine(keyword, path, "A keyword"))
            {
                continue;
            }

            var comma = keyword.IndexOf(',', StringComparison.Ordinal);
            if (comma >= 0)
            {
                _context.Error(
                    DiagnosticCodes.KeywordInvalid,
                    $"The keyword `{keyword}` holds a comma, but core metadata joins keywords with commas, so it would read back as two.",
                    path,
                    "Split it into separate keywords in the `keywords` array.",
                    comma + 1);
                continue;
            }

            result.Add(keyword);
        }

        return result.ToArray();
    }

    private string[] ReadClassifiers(bool hasLicenseExpression)
    {
        var items = _context.GetStringList(_project, "classifiers", ProjectPath);
        if (items is null)
        {
            return [];
        }

        var result = new List<string>(items.Count);
        foreach (var (classifier, path) in items)
        {
            if (!_context.CheckSingleLine(classifier, path, "A classifier"))
            {
                continue;
            }

            if (hasLicenseExpression && classifier.StartsWith("License ::", StringComparison.Ordinal)
                && DeclaredBackend() == HatchBackend)
            {
                // hatchling writes both (starlette, uvicorn and httpx ship exactly this; checked with Debian's 1.12), so packd does too.
                _context.Warning(
                    DiagnosticCodes.LicenseInvalid,
                    $"The classifier `{classifier}` duplicates `license`: PEP 639 deprecates `License ::` classifiers next to a license expression; packaged, as {DeclaredBackend()} does.",
                    path,
                    "Remove the `License ::` classifier; the `license` expression is authoritative (flit_core, setuptools and pdm-backend refuse the pair).");
            }
            else if (hasLicenseExpression && classifier.StartsWith("License ::", StringComparison.Ordinal))
            {
                // PEP 639: with a license expression, the deprecated license classifiers must be refused.
                _context.Error(
                    DiagnosticCodes.LicenseInvalid,
                    $"The classifier `{classifier}` duplicates `license`: PEP 639 forbids `License ::` classifiers next to a license expression.",
                    path,
                    "Remove the `License ::` classifier; the `license` expression is authoritative.");
                continue;
            }

            result.Add(classifier);
        }

        return result.ToArray();
    }

    private ProjectUrl[] ReadUrls()
    {
        var table = _context.GetTable(_project, "urls", ProjectPath);
        if (table is null)
        {
            return [];
        }

        var tablePath = Child("urls");
        var result = new List<ProjectUrl>(table.Count);
        foreach (var (label, value) in table)
        {
            var path = TomlLocationIndex.Child(tablePath, label);
            if (value is not string url)
            {
                _context.TypeError(path, "a string (the URL)", value);
                continue;
            }

            if (!_context.CheckSingleLine(label, path, "A URL label") || !_context.CheckSingleLine(url, path, "A URL"))
            {
                continue;
            }

            if (label.Contains(',', StringComparison.Ordinal))
            {
                // Project-URL is `label, url`: readers split at the first comma.
                _context.Error(
                    DiagnosticCodes.UrlInvalid,
                    $"The URL label `{label}` holds a comma, which would split it from its URL in `Project-URL: label, url`.",
                    path,
                    "Remove the comma from the label.");
                continue;
            }

            if (label.Length > 32)
            {
                _context.Error(
                    DiagnosticCodes.UrlInvalid,
                    $"The URL label `{label}` is {label.Length} characters long; core metadata allows at most 32.",
                    path,
                    "Shorten the label, e.g. `Homepage`, `Documentation`, `Source`, `Changelog`.");
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out _) || url.Contains(' ', StringComparison.Ordinal))
            {
                _context.Error(
                    DiagnosticCodes.UrlInvalid,
                    $"`{url}` is not an absolute URL.",
                    path,
                    "Write the full URL including the scheme, e.g. `https://example.org/docs`.");
                continue;
            }

            result.Add(new ProjectUrl(label, url));
        }

        return result.ToArray();
    }

    private void ReportUnknownProjectKeys()
    {
        foreach (var key in _project.Keys)
        {
            if (!s_projectKeys.Contains(key))
            {
                _context.Warning(
                    DiagnosticCodes.ProjectUnknownKey,
                    $"[project] has an unknown key `{key}`; it is ignored.",
                    Child(key),
                    "Check the spelling against https://packaging.python.org/en/latest/specifications/pyproject-toml/, or move tool settings under [tool.<name>].");
            }
        }
    }

    /// <summary>An ASCII-or-Unicode Python identifier as flit and uv_build check module names (no keywords check).</summary>
    private static bool IsPythonIdentifier(string name)
        => name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(static c => char.IsLetterOrDigit(c) || c == '_');
}

using PackDaemon.Packaging.Diagnostics;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects.SetupCfg;

internal sealed partial class SetupCfgTranslator
{
    private const string MetadataSection = "metadata";

    private void TranslateMetadata()
    {
        var section = _ini.Section(MetadataSection);
        if (section is not null)
        {
            MarkSection("project", section);
        }

        var entries = Entries(MetadataSection);
        foreach (var (key, entry) in entries)
        {
            if (!SetupCfgKeys.Metadata.Contains(key) && !SetupCfgKeys.IsUnemulatedMetadata(key))
            {
                // setuptools ignores unknown [metadata] keys (pbr and d2to1 put their own there): a warning, not an error.
                _diagnostics.Warning(
                    DiagnosticCodes.SetupCfgUnknownKey,
                    $"[metadata] has a key setuptools does not know, `{entry.Key}`; it is ignored.",
                    IniFile.FileName,
                    entry.Line,
                    entry.Column,
                    "Check the spelling against https://setuptools.pypa.io/en/latest/userguide/declarative_config.html#metadata.");
            }
        }

        var sectionLine = section?.Line ?? 1;
        if (Get(entries, "name") is not { } name || name.RawValue.Length == 0)
        {
            Error(DiagnosticCodes.SetupCfgMetadataMissing, "setup.cfg's [metadata] has no `name`, so packd does not know the project's name.",
                sectionLine, 1, "Add `name = your-project` under [metadata] in setup.cfg.");
        }
        else
        {
            _project["name"] = name.RawValue;
            Mark("project.name", name.FirstText);
        }

        TranslateVersion(Get(entries, "version"), sectionLine);
        TranslateDescription(Get(entries, "description") ?? Get(entries, "summary"));
        TranslateReadme(Get(entries, "long_description"), Get(entries, "long_description_content_type"));
        TranslateLicense(Get(entries, "license"), Get(entries, "license_files"), Get(entries, "license_file"));
        TranslatePeople("authors", Get(entries, "author"), Get(entries, "author_email"));
        TranslatePeople("maintainers", Get(entries, "maintainer"), Get(entries, "maintainer_email"));
        TranslateStringList("keywords", Get(entries, "keywords"), allowFile: false);
        TranslateStringList("classifiers", Get(entries, "classifiers") ?? Get(entries, "classifier"), allowFile: true);
        TranslateUrls(entries);
    }

    private static IniEntry? Get(Dictionary<string, IniEntry> entries, string key) => entries.GetValueOrDefault(key);

    private void TranslateVersion(IniEntry? entry, int sectionLine)
    {
        if (entry is null || entry.RawValue.Length == 0)
        {
            Error(DiagnosticCodes.SetupCfgMetadataMissing, "setup.cfg's [metadata] has no `version`.", sectionLine, 1,
                "Add `version = 0.1.0`, `version = attr: package.__version__` or `version = file: VERSION` under [metadata].");
            return;
        }

        var at = entry.FirstText;
        if (IsDirective(entry, FileDirective))
        {
            var files = DirectiveFiles(entry, MetadataSection);
            if (files is null)
            {
                return;
            }

            if (files.Count != 1)
            {
                Error(DiagnosticCodes.SetupCfgValueInvalid, "`version = file:` names several files; packd reads the version from one.",
                    at.Line, at.Column, "Name one file, e.g. `version = file: VERSION`.");
                return;
            }

            SetDynamicVersion(new TomlTable { ["file"] = files[0] }, "file", at);
            return;
        }

        if (IsDirective(entry, AttrDirective))
        {
            // setuptools strips the spec; `attr: pkg.__version__` names a module and an attribute.
            var spec = entry.RawValue[AttrDirective.Length..].Trim();
            var dot = spec.LastIndexOf('.');
            if (dot <= 0 || dot == spec.Length - 1 || spec.Contains(' ', StringComparison.Ordinal) || spec.Contains('\n', StringComparison.Ordinal))
            {
                Error(DiagnosticCodes.SetupCfgValueInvalid, $"`version = attr: {spec}` must name a module and an attribute.",
                    at.Line, at.Column, "Write `version = attr: package.__version__` (module path, a dot, then the attribute).");
                return;
            }

            SetDynamicVersion(new TomlTable { ["attr"] = spec }, "attr", at);
            return;
        }

        _project["version"] = entry.RawValue;
        Mark("project.version", at);
    }

    private void SetDynamicVersion(TomlTable directive, string kind, IniValueLine at)
    {
        _project["dynamic"] = new TomlArray { "version" };
        Mark("project.dynamic", at);
        Mark("project.dynamic[0]", at);
        var dynamic = _setuptools.TryGetValue("dynamic", out var d) && d is TomlTable table ? table : new TomlTable();
        dynamic["version"] = directive;
        _setuptools["dynamic"] = dynamic;
        Mark("tool.setuptools.dynamic.version", at);
        Mark("tool.setuptools.dynamic.version." + kind, at);
    }

    private void TranslateDescription(IniEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        var text = StringOrFile(entry, MetadataSection);
        if (text is not null)
        {
            // A description read from a file keeps only its text; setuptools strips a trailing newline from nothing, so
            // a file's final line break would reach the header: the reader reports it as a line break in a single-line field.
            _project["description"] = text;
            Mark("project.description", entry.FirstText);
        }
    }

    private void TranslateReadme(IniEntry? entry, IniEntry? contentType)
    {
        if (entry is null)
        {
            if (contentType is not null)
            {
                // setuptools writes Description-Content-Type even without a description.
                Error(DiagnosticCodes.SetupCfgValueInvalid, "[metadata] long_description_content_type is set but long_description is not.",
                    contentType.Line, contentType.Column, "Add `long_description = file: README.md`, or remove long_description_content_type.");
            }

            return;
        }

        var readme = new TomlTable();
        if (IsDirective(entry, FileDirective) && DirectiveFiles(entry, MetadataSection) is { Count: 1 } files)
        {
            // One file: the reader reads it, records it as the readme (the sdist carries it) and watches it.
            readme["file"] = files[0];
            Mark("project.readme.file", entry.FirstText);
        }
        else if (StringOrFile(entry, MetadataSection) is { } text)
        {
            readme["text"] = text;
            Mark("project.readme.text", entry.FirstText);
        }
        else
        {
            return;
        }

        if (contentType is not null)
        {
            readme["content-type"] = contentType.RawValue;
            Mark("project.readme.content-type", contentType.FirstText);
        }

        _project["readme"] = readme;
        Mark("project.readme", entry.FirstText);
    }

    private void TranslateLicense(IniEntry? license, IniEntry? licenseFiles, IniEntry? licenseFile)
    {
        if (license is not null)
        {
            if (IsDirective(license, FileDirective))
            {
                Error(DiagnosticCodes.SetupCfgValueInvalid, "[metadata] license holds `file:`, which setuptools refuses: `license` is the license's name or text.",
                    license.FirstText.Line, license.FirstText.Column, "Write `license = MIT` and `license_files = LICENSE`.");
            }
            else
            {
                // The free-text License header, as setuptools writes it (not a PEP 639 expression).
                _project["license"] = new TomlTable { ["text"] = license.RawValue };
                Mark("project.license", license.FirstText);
                Mark("project.license.text", license.FirstText);
            }
        }

        // setuptools 66: license_files when given (plus the deprecated license_file), else its default globs.
        var globs = new TomlArray();
        var i = 0;
        foreach (var item in (licenseFiles is null ? [] : SplitList(licenseFiles.Lines)).Concat(licenseFile is null ? [] : [licenseFile.FirstText]))
        {
            if (!globs.Contains(item.Text))
            {
                globs.Add(item.Text);
                Mark($"project.license-files[{i++}]", item);
            }
        }

        if (licenseFiles is not null || licenseFile is not null)
        {
            _project["license-files"] = globs;
            Mark("project.license-files", (licenseFiles ?? licenseFile)!.FirstText);
        }
    }

    /// <summary>setuptools writes <c>author</c> and <c>author_email</c> as separate Author and Author-email headers;
    /// name-only and email-only entries give exactly that. Comma-separated lists become one entry each, which the reader
    /// joins back with <c>", "</c>.</summary>
    private void TranslatePeople(string key, IniEntry? names, IniEntry? emails)
    {
        var people = new TomlArray();
        var i = 0;
        foreach (var (entry, field) in (ReadOnlySpan<(IniEntry?, string)>)[(names, "name"), (emails, "email")])
        {
            if (entry is null)
            {
                continue;
            }

            foreach (var item in SplitList([entry.FirstText with { Text = entry.RawValue.Replace('\n', ' ') }]))
            {
                people.Add(new TomlTable { [field] = item.Text });
                Mark($"project.{key}[{i}]", item);
                Mark($"project.{key}[{i}].{field}", item);
                i++;
            }
        }

        if (people.Count > 0)
        {
            _project[key] = people;
        }
    }

    private void TranslateStringList(string key, IniEntry? entry, bool allowFile)
    {
        if (entry is null)
        {
            return;
        }

        IReadOnlyList<IniValueLine> lines = entry.Lines;
        if (allowFile && IsDirective(entry, FileDirective))
        {
            var text = ReadDirective(entry, MetadataSection);
            if (text is null)
            {
                return;
            }

            // Items read from a file keep setup.cfg's line: that is where the user can follow the directive.
            lines = [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => entry.FirstText with { Text = l.Trim() })];
        }

        var items = new TomlArray();
        foreach (var item in SplitList(lines))
        {
            Mark($"project.{key}[{items.Count}]", item);
            items.Add(item.Text);
        }

        _project[key] = items;
        Mark("project." + key, entry.FirstText);
    }

    private void TranslateUrls(Dictionary<string, IniEntry> entries)
    {
        var urls = new TomlTable();
        void Add(string label, IniValueLine at)
        {
            urls[label] = at.Text;
            Mark("project.urls." + label, at);
        }

        // setuptools writes these as the Home-page and Download-URL headers, not as Project-URL entries.
        if ((Get(entries, "url") ?? Get(entries, "home_page")) is { RawValue.Length: > 0 } url)
        {
            _homePage = url.RawValue;
            Mark("setup.cfg.url", url.FirstText);
        }

        if (Get(entries, "download_url") is { RawValue.Length: > 0 } download)
        {
            _downloadUrl = download.RawValue;
            Mark("setup.cfg.download_url", download.FirstText);
        }

        if (Get(entries, "project_urls") is { } projectUrls && SplitDict(projectUrls, MetadataSection) is { } pairs)
        {
            foreach (var (label, value) in pairs)
            {
                Add(label, value);
            }
        }

        if (urls.Count > 0)
        {
            _project["urls"] = urls;
        }
    }
}

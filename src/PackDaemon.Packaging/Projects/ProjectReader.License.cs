using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    // PEP 639's recommended defaults (setuptools and hatchling use the same), matched at the root only.
    private static readonly string[] s_defaultLicenseGlobs = ["LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*"];

    private (string? Expression, string? Text) ReadLicense()
    {
        string? expression = null;
        string? text = null;
        var isTable = false;
        if (_project.TryGetValue("license", out var value))
        {
            var path = Child("license");
            switch (value)
            {
                case string raw:
                    expression = ReadLicenseExpression(raw, path);
                    break;
                case TomlTable table:
                    isTable = true;
                    text = ReadLegacyLicense(table, path);
                    break;
                default:
                    _context.TypeError(path, "an SPDX expression string such as \"MIT\"", value);
                    break;
            }
        }

        ReadLicenseFiles(isTable);
        return (expression, text);
    }

    private string? ReadLicenseExpression(string raw, string path)
    {
        if (!_context.CheckSingleLine(raw, path, "`license`"))
        {
            return null;
        }

        if (SpdxExpression.TryNormalize(raw, out var normalized, out var error))
        {
            foreach (var id in SpdxExpression.FindDeprecatedIds(normalized))
            {
                _context.Warning(
                    DiagnosticCodes.LicenseDeprecatedId,
                    $"The SPDX identifier `{id}` is deprecated.",
                    path,
                    "Use its replacement from https://spdx.org/licenses/ (e.g. GPL-2.0-only or GPL-2.0-or-later for GPL-2.0).");
            }

            return normalized;
        }

        _context.Error(
            DiagnosticCodes.LicenseInvalid,
            $"`license = \"{raw}\"` is not a valid SPDX license expression: {error}.",
            path,
            "Use SPDX identifiers joined by AND/OR/WITH, e.g. \"MIT\" or \"Apache-2.0 OR MIT\" (https://spdx.org/licenses/); for a custom license use \"LicenseRef-Name\".");
        return null;
    }

    private string? ReadLegacyLicense(TomlTable table, string path)
    {
        var file = _context.GetString(table, "file", path);
        var text = _context.GetString(table, "text", path);
        if ((file is null) == (text is null))
        {
            _context.Error(
                DiagnosticCodes.LicenseInvalid,
                "The legacy `license` table must hold exactly one of `file` or `text`.",
                path,
                "Prefer a PEP 639 expression: license = \"MIT\" with license-files = [\"LICENSE\"].");
            return null;
        }

        if (text is not null)
        {
            return text;
        }

        var filePath = TomlLocationIndex.Child(path, "file");
        var relative = _context.RelativePath(file!, filePath, "license file");
        if (relative is null)
        {
            return null;
        }

        var content = _context.ReadTextFile(relative, filePath, "license file");
        if (content is not null)
        {
            _legacyLicenseFile = relative;
        }

        return content;
    }

    private void ReadLicenseFiles(bool licenseIsTable)
    {
        if (!_project.TryGetValue("license-files", out _))
        {
            AddDefaultLicenseFiles();
            return;
        }

        var path = Child("license-files");
        // setuptools writes setup.cfg's `license` text and its `license_files` side by side; PEP 639's rule is for
        // pyproject.toml only.
        if (licenseIsTable && !_context.FromSetupCfg)
        {
            // PEP 639: license-files makes the legacy table form an error.
            _context.Error(
                DiagnosticCodes.LicenseInvalid,
                "`license-files` cannot be combined with the legacy `license` table.",
                path,
                "Replace the `license` table with an SPDX expression string, e.g. license = \"MIT\".");
            return;
        }

        var globs = _context.GetStringList(_project, "license-files", ProjectPath);
        if (globs is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (glob, itemPath) in globs)
        {
            var problem = LicenseGlob.Validate(glob);
            if (problem is not null)
            {
                _context.Error(
                    DiagnosticCodes.LicenseFilesInvalid,
                    $"The license-files glob `{glob}` is invalid: {problem}.",
                    itemPath,
                    "Use relative paths with `/`, `*`, `?`, `**` and `[...]` only, e.g. \"LICENSE*\" or \"licenses/**\".");
                continue;
            }

            var matches = LicenseGlob.Match(_context.Root, glob);
            if (matches.Count == 0)
            {
                _context.Error(
                    DiagnosticCodes.LicenseFilesInvalid,
                    $"The license-files glob `{glob}` matches no file.",
                    itemPath,
                    "Fix the pattern or add the license file; remove the entry if the project has no such file.");
                continue;
            }

            foreach (var match in matches)
            {
                if (seen.Add(match) && CheckLicenseFile(match, itemPath))
                {
                    _licenseFiles.Add(match);
                }
            }
        }
    }

    private void AddDefaultLicenseFiles()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // uv_build takes license files from license-files only; pdm-backend's defaults have no AUTHORS*.
        string[] defaults = DeclaredBackend() switch
        {
            UvBackend => [],
            PdmBackend => s_pdmDefaultLicenseGlobs,
            _ => s_defaultLicenseGlobs,
        };
        foreach (var glob in defaults)
        {
            foreach (var match in LicenseGlob.Match(_context.Root, glob))
            {
                if (seen.Add(match) && CheckLicenseFile(match, ProjectPath))
                {
                    _licenseFiles.Add(match);
                }
            }
        }
    }

    private bool CheckLicenseFile(string relative, string path)
        => _context.ReadTextFile(relative, path, "license file") is not null;
}

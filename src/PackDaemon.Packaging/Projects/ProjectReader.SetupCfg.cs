using System.IO.Enumeration;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    /// <summary>
    /// The top-level package folders a setup.cfg project's <c>packages</c> names, for packd's own selection while no
    /// setuptools selection rules read <c>[tool.setuptools]</c>: without them packd would look only for a package named
    /// after the project, which a classic setup.cfg project (<c>packages = find:</c>) rarely has.
    /// </summary>
    private string[] SetupCfgTopLevelPackages()
    {
        if (!_context.FromSetupCfg || TableAt("tool.setuptools") is not { } setuptools || !setuptools.TryGetValue("packages", out var packages))
        {
            return [];
        }

        var packageDir = setuptools.TryGetValue("package-dir", out var d) && d is TomlTable table ? table : [];
        var rootDir = packageDir.TryGetValue("", out var r) && r is string rootFolder ? rootFolder.Trim('/') : "";
        var result = new List<string>();
        if (packages is TomlArray list)
        {
            foreach (var name in list.OfType<string>().Where(n => !n.Contains('.', StringComparison.Ordinal)))
            {
                var folder = packageDir.TryGetValue(name, out var own) && own is string ownFolder ? ownFolder.Trim('/')
                    : rootDir.Length > 0 ? rootDir + "/" + name : name;
                if (Directory.Exists(Path.Combine(_context.Root, folder)))
                {
                    result.Add(folder);
                }
            }
        }
        else if (packages is TomlTable { } spec && spec.TryGetValue("find", out var f) && f is TomlTable find)
        {
            var where = find.TryGetValue("where", out var w) && w is TomlArray whereList && whereList.OfType<string>().FirstOrDefault() is { } first
                ? first.Trim('/').TrimStart('.').Trim('/')
                : ""; // setuptools searches the root, whatever package_dir says
            var include = find.TryGetValue("include", out var i) && i is TomlArray includes ? includes.OfType<string>().ToArray() : ["*"];
            var exclude = find.TryGetValue("exclude", out var e) && e is TomlArray excludes ? excludes.OfType<string>().ToArray() : [];
            var namespaces = find.TryGetValue("namespaces", out var n) && n is true;
            var searched = Path.Combine(_context.Root, where);
            if (Directory.Exists(searched))
            {
                foreach (var folder in Directory.EnumerateDirectories(searched).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(folder);
                    var isPackage = File.Exists(Path.Combine(folder, "__init__.py")) || (namespaces && !name.StartsWith('.'));
                    if (isPackage && name.Replace("_", "", StringComparison.Ordinal).All(char.IsLetterOrDigit)
                        && include.Any(p => FileSystemName.MatchesSimpleExpression(p, name, ignoreCase: false))
                        && !exclude.Any(p => FileSystemName.MatchesSimpleExpression(p, name, ignoreCase: false)))
                    {
                        result.Add(where.Length > 0 ? where + "/" + name : name);
                    }
                }
            }
        }

        return [.. result];
    }
}

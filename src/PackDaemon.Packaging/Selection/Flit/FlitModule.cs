namespace PackDaemon.Packaging.Selection.Flit;

/// <summary>The module flit_core packages: a package folder or a single <c>.py</c> file, at the root or under <c>src/</c>.</summary>
/// <param name="Name">The import name, dotted for a module inside a namespace package (<c>acme.shop</c>).</param>
/// <param name="Path">Its folder or file relative to the project root (<c>src/acme/shop</c>, <c>tool.py</c>).</param>
/// <param name="SourcePrefix">"" or "src": the wheel holds <see cref="Path"/> relative to this folder.</param>
public sealed record FlitModule(string Name, string Path, bool IsPackage, string SourcePrefix)
{
    /// <summary>The file holding the docstring and <c>__version__</c>: the package's <c>__init__.py</c>, or the module itself.</summary>
    public string File => IsPackage ? Path + "/__init__.py" : Path;

    /// <summary>The path a project file takes in the wheel.</summary>
    public string WheelPath(string relativePath) => SourcePrefix.Length == 0 ? relativePath : relativePath[(SourcePrefix.Length + 1)..];

    /// <summary>
    /// flit_core 3.8's discovery (common.Module): exactly one of <c>name/</c>, <c>name.py</c>, <c>src/name/</c>,
    /// <c>src/name.py</c> must exist. Returns the module, or every candidate that exists (none, or several) so the caller
    /// can say which.
    /// </summary>
    public static (FlitModule? Module, IReadOnlyList<string> Found, IReadOnlyList<string> Candidates) Locate(string projectRoot, string name)
    {
        string asPath = name.Replace('.', '/');
        (string Path, bool IsPackage, string Prefix)[] candidates =
        [
            (asPath, true, string.Empty),
            (asPath + ".py", false, string.Empty),
            ("src/" + asPath, true, "src"),
            ("src/" + asPath + ".py", false, "src"),
        ];

        var found = new List<(string Path, bool IsPackage, string Prefix)>();
        foreach (var candidate in candidates)
        {
            string full = System.IO.Path.Join(projectRoot, candidate.Path);
            if (candidate.IsPackage ? Directory.Exists(full) : System.IO.File.Exists(full))
            {
                found.Add(candidate);
            }
        }

        string[] names = [.. candidates.Select(static c => c.IsPackage ? c.Path + "/" : c.Path)];
        string[] existing = [.. found.Select(static c => c.IsPackage ? c.Path + "/" : c.Path)];
        return found.Count == 1
            ? (new FlitModule(name, found[0].Path, found[0].IsPackage, found[0].Prefix), existing, names)
            : (null, existing, names);
    }
}

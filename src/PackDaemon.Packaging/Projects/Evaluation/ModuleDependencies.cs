namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>Which files can change a value computed by importing a module. Imports cannot be traced without running
/// the code, so the answer is simple and safe: the module and every <c>.py</c> of the top-level package holding it.</summary>
internal static class ModuleDependencies
{
    /// <param name="moduleFile">Relative to the root, <c>/</c>-separated.</param>
    /// <param name="sourceRoot">The import root relative to the project root (<c>""</c> or <c>src</c>).</param>
    /// <param name="moduleName">The dotted import name; its first part names the top-level package.</param>
    public static (IReadOnlyList<string> Files, string? Folder) Find(string root, string moduleFile, string sourceRoot, string moduleName)
    {
        var prefix = sourceRoot.Length == 0 ? "" : sourceRoot.TrimEnd('/') + "/";
        var topLevel = prefix + moduleName.Split('.')[0];
        var folder = Path.Combine(root, topLevel);
        if (!moduleFile.StartsWith(topLevel + "/", StringComparison.Ordinal) || !Directory.Exists(folder))
        {
            return ([moduleFile], null);
        }

        var files = new SortedSet<string>(StringComparer.Ordinal) { moduleFile };
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in Directory.EnumerateFiles(folder, "*.py", options))
        {
            files.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }

        return ([.. files], topLevel + "/");
    }
}

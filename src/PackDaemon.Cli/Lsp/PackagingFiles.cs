namespace PackDaemon.Cli.Lsp;

/// <summary>Recognises packaging files by name, the way packd reads them: <c>requirements*.txt</c> (also <c>.in</c>)
/// and any <c>.txt</c> inside a <c>requirements/</c> folder are requirements files.</summary>
internal static class PackagingFiles
{
    public static PackagingFileKind Classify(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Equals("pyproject.toml", StringComparison.Ordinal))
        {
            return PackagingFileKind.Pyproject;
        }

        if (name.Equals("setup.cfg", StringComparison.Ordinal))
        {
            return PackagingFileKind.SetupCfg;
        }

        if (name.Equals("MANIFEST.in", StringComparison.Ordinal))
        {
            return PackagingFileKind.Manifest;
        }

        var requirementsName = name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase)
            && (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".in", StringComparison.OrdinalIgnoreCase));
        var inRequirementsFolder = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
            && Path.GetFileName(Path.GetDirectoryName(path)) is "requirements";
        return requirementsName || inRequirementsFolder ? PackagingFileKind.Requirements : PackagingFileKind.Other;
    }
}

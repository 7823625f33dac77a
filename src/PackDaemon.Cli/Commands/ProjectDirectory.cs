namespace PackDaemon.Cli.Commands;

/// <summary>Resolves the DIR argument shared by every command.</summary>
internal static class ProjectDirectory
{
    /// <returns>The absolute project root, or null after writing a usage error.</returns>
    public static string? Resolve(string? dir, TextWriter stderr)
    {
        var root = Path.GetFullPath(string.IsNullOrEmpty(dir) ? "." : dir);
        if (!Directory.Exists(root))
        {
            stderr.WriteLine($"packd: project folder '{dir}' does not exist.");
            return null;
        }

        return root;
    }
}

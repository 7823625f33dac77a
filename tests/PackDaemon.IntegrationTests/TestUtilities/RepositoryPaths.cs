namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>Finds the repository's folders from the test assembly's location, so tests run from any working folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Validator => Path.Combine(Root, "tests", "python", "validate_artifacts.py");

    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PackDaemon.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PackDaemon.sln not found above " + AppContext.BaseDirectory);
    }
}

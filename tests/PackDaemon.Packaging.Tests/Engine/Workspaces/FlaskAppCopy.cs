namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>A private copy of tests/fixtures/flask-app in a temp folder, removed afterwards.</summary>
internal sealed class FlaskAppCopy : IDisposable
{
    public FlaskAppCopy()
    {
        Root = Path.Combine(Path.GetTempPath(), "packd-watch-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(FindRepositoryRoot(), "tests", "fixtures", "flask-app");
        foreach (var folder in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(Root, Path.GetRelativePath(source, folder)));
        }

        Directory.CreateDirectory(Root);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(Root, Path.GetRelativePath(source, file)));
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test that used it.
        }
    }

    private static string FindRepositoryRoot()
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

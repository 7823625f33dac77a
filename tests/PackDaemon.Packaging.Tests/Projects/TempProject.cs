using System.Text;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects;

namespace PackDaemon.Packaging.Tests.Projects;

/// <summary>A project folder on disk for one test, deleted on dispose.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Root = Path.Combine(Path.GetTempPath(), "packd-project-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public DiagnosticBag Diagnostics { get; } = new();

    public TempProject Write(string relativePath, string text) => WriteBytes(relativePath, new UTF8Encoding(false).GetBytes(text));

    public TempProject WriteBytes(string relativePath, byte[] bytes)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return this;
    }

    public TempProject Pyproject(string text) => Write("pyproject.toml", text);

    public LoadedProject? Load() => ProjectLoader.Load(Root, Diagnostics);

    public LoadedProject LoadOk()
    {
        var project = Load();
        Assert.True(project is not null, string.Join("\n", Diagnostics.Items));
        return project;
    }

    /// <summary>Loads expecting failure and returns the one error with <paramref name="code"/>, checking it names a fix.</summary>
    public Diagnostic LoadError(string code)
    {
        Assert.Null(Load());
        var errors = Diagnostics.Items.Where(d => d.IsError && d.Code == code).ToList();
        Assert.True(errors.Count >= 1, $"expected {code}, got:\n" + string.Join("\n", Diagnostics.Items));
        var error = errors[0];
        Assert.False(string.IsNullOrWhiteSpace(error.Fix), "the error must name the fix: " + error);
        return error;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

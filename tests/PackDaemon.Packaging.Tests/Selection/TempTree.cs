using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>A real folder tree in the temp directory, deleted on dispose.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Join(Path.GetTempPath(), "packd-sel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public TempTree File(string relativePath, string content = "x")
    {
        string full = Path.Join(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return this;
    }

    public TempTree Files(params string[] relativePaths)
    {
        foreach (string path in relativePaths)
        {
            File(path);
        }

        return this;
    }

    public TempTree Link(string relativePath, string target)
    {
        string full = Path.Join(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.CreateSymbolicLink(full, target);
        return this;
    }

    public SelectionOptions Options(
        string importName = "app",
        string[]? packages = null,
        string[]? include = null,
        string[]? exclude = null,
        string[]? required = null,
        string? root = null)
        => new(root ?? Root, importName, packages ?? [], include ?? [], exclude ?? [], required ?? [], []);

    public static (FileSelection Selection, DiagnosticBag Diagnostics) Select(SelectionOptions options)
    {
        var bag = new DiagnosticBag();
        return (FileSelector.Select(options, bag), bag);
    }

    public static List<string> Paths(IReadOnlyList<SelectedFile> files) => files.Select(f => f.ArchivePath).ToList();

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

using System.Diagnostics;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Inputs;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Inputs;

/// <summary>
/// Every input packd reads obeys the boundary packaged files obey: inside the project once symlinks are resolved, a
/// regular file, bounded in size. Each case is a reproduction from the attack campaign: a README linked to a file
/// outside the project went into METADATA, a FIFO blocked the build for ever, <c>/dev/zero</c> was read until memory
/// ran out.
/// </summary>
public sealed class ProjectInputTests : IDisposable
{
    private const string Head = "[project]\nname = \"a\"\nversion = \"1\"\n";
    private static readonly TimeSpan s_noHang = TimeSpan.FromSeconds(20);

    private readonly TempProject _project = new();
    private readonly TempProject _outside = new();

    public void Dispose()
    {
        _project.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void Load_ReadmeSymlinkedToAFileOutsideTheProject_IsRefused_AndItsTextIsNeverRead()
    {
        _outside.Write("id_rsa", "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret-body\n");
        File.CreateSymbolicLink(Path.Combine(_project.Root, "README.md"), Path.Combine(_outside.Root, "id_rsa"));
        _project.Pyproject(Head + "readme = \"README.md\"\n");

        var error = _project.LoadError(DiagnosticCodes.InputOutsideProject);

        Assert.Contains("readme `README.md`", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_outside.Root, "id_rsa"), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-body", string.Join("\n", _project.Diagnostics.Items), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadmeReachedThroughASymlinkedFolder_IsRefused()
    {
        _outside.Write("docs/README.md", "outside text\n");
        Directory.CreateSymbolicLink(Path.Combine(_project.Root, "docs"), Path.Combine(_outside.Root, "docs"));
        _project.Pyproject(Head + "readme = \"docs/README.md\"\n");

        _project.LoadError(DiagnosticCodes.InputOutsideProject);
    }

    [Fact]
    public void Load_ReadmeSymlinkedInsideTheProject_IsRead()
    {
        _project.Write("docs/intro.md", "# Intro\n");
        File.CreateSymbolicLink(Path.Combine(_project.Root, "README.md"), "docs/intro.md");
        _project.Pyproject(Head + "readme = \"README.md\"\n");

        var loaded = _project.LoadOk();

        Assert.Contains("# Intro", loaded.Metadata.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ReadmeThatIsAFifo_IsRefusedAtOnce_InsteadOfBlockingForEver()
    {
        MakeFifo(Path.Combine(_project.Root, "README.md"));
        _project.Pyproject(Head + "readme = \"README.md\"\n");

        await Task.Run(() => _project.LoadError(DiagnosticCodes.InputNotRegularFile), TestContext.Current.CancellationToken).WaitAsync(s_noHang, TestContext.Current.CancellationToken);

        Assert.Contains("FIFO", _project.Diagnostics.Items.First(d => d.IsError).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_ReadmeSymlinkedToDevZero_IsRefusedWithoutReadingIt()
    {
        File.CreateSymbolicLink(Path.Combine(_project.Root, "README.md"), "/dev/zero");
        _project.Pyproject(Head + "readme = \"README.md\"\n");

        await Task.Run(() => _project.LoadError(DiagnosticCodes.InputOutsideProject), TestContext.Current.CancellationToken).WaitAsync(s_noHang, TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Load_HatchVersionFileSymlinkedOutside_IsRefused()
    {
        _outside.Write("about.py", "__version__ = \"9.9.9\"\n");
        _project.Write("a/__init__.py", "");
        File.CreateSymbolicLink(Path.Combine(_project.Root, "a", "about.py"), Path.Combine(_outside.Root, "about.py"));
        _project.Pyproject("""
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "a"
            dynamic = ["version"]

            [tool.hatch.version]
            path = "a/about.py"
            """);

        _project.LoadError(DiagnosticCodes.InputOutsideProject);
    }

    [Fact]
    public void Load_PyprojectItselfSymlinkedOutside_IsRefused()
    {
        _outside.Write("pyproject.toml", Head);
        File.CreateSymbolicLink(Path.Combine(_project.Root, "pyproject.toml"), Path.Combine(_outside.Root, "pyproject.toml"));

        var error = _project.LoadError(DiagnosticCodes.InputOutsideProject);

        Assert.Equal("pyproject.toml", error.File);
    }

    [Fact]
    public void Read_FileOverTheLimit_IsRefusedBeforeItIsRead()
    {
        _project.WriteBytes("big.txt", new byte[4096]);

        var read = ProjectInput.Read(_project.Root, Path.Combine(_project.Root, "big.txt"), limit: 1000);

        Assert.Equal(InputProblem.TooLarge, read.Problem);
        Assert.Null(read.Bytes);
        Assert.Contains("4,096 bytes", read.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RegularFileInside_GivesItsExactBytes()
    {
        byte[] bytes = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7))];
        _project.WriteBytes("data.bin", bytes);

        var read = ProjectInput.Read(_project.Root, Path.Combine(_project.Root, "data.bin"));

        Assert.True(read.Succeeded, read.Detail);
        Assert.Equal(bytes, read.Bytes);
    }

    [Fact]
    public void ReadAllText_DropsAByteOrderMark_AsFileReadAllTextDid()
    {
        // A BOM'd MANIFEST.in or setup.py read as "\uFEFFinclude ..." would be an unknown command or "code".
        _project.WriteBytes("MANIFEST.in", [0xEF, 0xBB, 0xBF, .. "include *.txt\n"u8]);

        var text = ProjectInput.ReadAllText(_project.Root, Path.Combine(_project.Root, "MANIFEST.in"));

        Assert.Equal("include *.txt\n", text);
    }

    [Fact]
    public void Read_Folder_IsNotARegularFile()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "README.md"));

        var read = ProjectInput.Read(_project.Root, Path.Combine(_project.Root, "README.md"));

        Assert.Equal(InputProblem.NotRegularFile, read.Problem);
        Assert.Contains("a folder", read.Detail, StringComparison.Ordinal);
    }

    internal static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}

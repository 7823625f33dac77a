using PackDaemon.Engine.Delegation;
using PackDaemon.Packaging.Tests.Projects;

namespace PackDaemon.Packaging.Tests.Delegation;

public sealed class PythonInterpreterChooserTests : IDisposable
{
    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private static string? OnPath(string name) => name switch
    {
        "python3" => "/usr/bin/python3",
        "python3.12" => "/opt/py/bin/python3.12",
        _ => null,
    };

    private void CreateVenv() => _project.Write(".venv/bin/python", "");

    [Fact]
    public void Choose_PythonOption_WinsOverEverything()
    {
        CreateVenv();

        var chosen = PythonInterpreterChooser.Choose("/opt/custom/python", "/from/variable", _project.Root, OnPath);

        Assert.Equal(new PythonInterpreter("/opt/custom/python", "--python"), chosen);
    }

    [Fact]
    public void Choose_Variable_WinsOverTheVenvAndPath()
    {
        CreateVenv();

        var chosen = PythonInterpreterChooser.Choose(null, "/from/variable", _project.Root, OnPath);

        Assert.Equal(new PythonInterpreter("/from/variable", "PACKD_PYTHON"), chosen);
    }

    [Fact]
    public void Choose_ProjectVenv_WinsOverPath()
    {
        CreateVenv();

        var chosen = PythonInterpreterChooser.Choose(null, "", _project.Root, OnPath);

        Assert.Equal(Path.Combine(_project.Root, ".venv", "bin", "python"), chosen!.Path);
        Assert.Equal("the project's .venv", chosen.Source);
    }

    [Fact]
    public void Choose_Nothing_FallsBackToPython3OnPath()
        => Assert.Equal(new PythonInterpreter("/usr/bin/python3", "python3 on PATH"), PythonInterpreterChooser.Choose(null, null, _project.Root, OnPath));

    [Fact]
    public void Choose_NoPythonAnywhere_IsNull()
        => Assert.Null(PythonInterpreterChooser.Choose(null, null, _project.Root, _ => null));

    [Fact]
    public void Choose_BareName_IsLookedUpOnPath_ARelativePathIsMadeAbsolute()
    {
        Assert.Equal("/opt/py/bin/python3.12", PythonInterpreterChooser.Choose("python3.12", null, _project.Root, OnPath)!.Path);
        Assert.Equal(Path.GetFullPath("venv/bin/python"), PythonInterpreterChooser.Choose(null, "venv/bin/python", _project.Root, OnPath)!.Path);
    }
}

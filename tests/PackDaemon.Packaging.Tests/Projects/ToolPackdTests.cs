using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class ToolPackdTests : IDisposable
{
    private const string Head = "[project]\nname = \"Flask.Shop\"\nversion = \"1\"\n";

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_ToolPackd_BuildsSelectionOptions()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "src", "shop"));
        _project.Pyproject(Head + """
            [tool.packd]
            packages = ["src/shop/"]
            include = ["static/**"]
            exclude = ["**/*.log"]
            secrets-allow = ["tests/fixtures/*.pem"]
            """);

        var selection = _project.LoadOk().Selection;

        Assert.Equal(Path.GetFullPath(_project.Root), selection.ProjectRoot);
        Assert.Equal("flask_shop", selection.ImportName);
        Assert.Equal(["src/shop"], selection.ExplicitPackages);
        Assert.Equal(["static/**"], selection.Include);
        Assert.Equal(["**/*.log"], selection.Exclude);
        Assert.Equal(["tests/fixtures/*.pem"], selection.SecretsAllow);
        Assert.Equal(["pyproject.toml"], selection.SdistRequiredFiles);
    }

    [Fact]
    public void Load_HatchWheelPackages_Honoured()
    {
        Directory.CreateDirectory(Path.Combine(_project.Root, "app"));
        _project.Pyproject(Head + "[tool.hatch.build.targets.wheel]\npackages = [\"app\"]\n");

        Assert.Equal(["app"], _project.LoadOk().Selection.ExplicitPackages);
    }

    [Fact]
    public void Load_PackageFolderMissing_Rejected()
    {
        _project.Pyproject(Head + "[tool.packd]\npackages = [\"nope\"]\n");

        var error = _project.LoadError(DiagnosticCodes.ToolPackdInvalid);

        Assert.Equal(5, error.Line);
        Assert.Equal(13, error.Column);
    }

    [Fact]
    public void Load_UnknownToolPackdKey_WarningNamesKey()
    {
        _project.Pyproject(Head + "[tool.packd]\nexclued = [\"x\"]\n");

        Assert.NotNull(_project.Load());
        var warning = Assert.Single(_project.Diagnostics.Items);
        Assert.Equal(DiagnosticCodes.ToolPackdUnknownKey, warning.Code);
        Assert.Contains("exclued", warning.Message, StringComparison.Ordinal);
        Assert.Equal(5, warning.Line);
    }

    [Fact]
    public void Load_DelegationSettings_AreKnownKeys()
    {
        _project.Pyproject(Head + "[tool.packd]\nmode = \"native\"\ndelegate-timeout = 2.5\n");

        Assert.NotNull(_project.Load());
        Assert.Empty(_project.Diagnostics.Items);
    }

    [Theory]
    [InlineData("mode = \"delegated\"", 5)]
    [InlineData("mode = true", 5)]
    [InlineData("delegate-timeout = 0", 5)]
    [InlineData("delegate-timeout = \"300\"", 5)]
    public void Load_InvalidDelegationSetting_IsAnErrorAtItsLine(string setting, int line)
    {
        _project.Pyproject(Head + "[tool.packd]\n" + setting + "\n");

        var error = _project.LoadError(DiagnosticCodes.DelegateSettingInvalid);
        Assert.Equal(line, error.Line);
    }
}

using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>The daemon's builder decides the mode per project and decides again when a file that decides it is hinted.
/// The delegated side is driven with an interpreter that does not exist, so no Python runs: its failure (PD6001-type
/// start failure) is enough to see which builder answered.</summary>
public sealed class ModeChoosingWorkspaceBuilderTests : IDisposable
{
    private readonly FlaskAppCopy _project = new();

    public void Dispose() => _project.Dispose();

    private BuildRequest Request() => new(_project.Root, _project.PathOf("dist"), Wheel: true, Sdist: true, WriteArtifacts: true, SourceDateEpoch: null)
    {
        PythonOption = "/nonexistent/packd-test/python3",
    };

    [Fact]
    public void Build_SwitchesMode_OnlyWhenADecidingFileIsHinted()
    {
        var pyproject = _project.PathOf("pyproject.toml");
        var original = File.ReadAllText(pyproject);
        using var builder = new ModeChoosingWorkspaceBuilder(_project.Root);

        var first = builder.Build(Request(), ChangeHints.All, CancellationToken.None);
        Assert.True(first.Result.Succeeded, string.Join("\n", first.Result.Diagnostics));
        Assert.Equal("native", first.Result.Mode);
        Assert.All(first.Result.Artifacts, a => Assert.Equal("native", a.Mode));

        File.WriteAllText(pyproject, original + "\n[tool.packd]\nmode = \"delegate\"\n");
        var delegated = builder.Build(Request(), ChangeHints.For(["pyproject.toml"]), CancellationToken.None);
        Assert.False(delegated.Result.Succeeded);
        Assert.StartsWith("delegated:", delegated.Result.Mode, StringComparison.Ordinal);
        var error = Assert.Single(delegated.Result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DelegateNoInterpreter, error.Code);
        Assert.Contains("/nonexistent/packd-test/python3", error.Message, StringComparison.Ordinal);
        Assert.True(delegated.ChangedFiles > 0, "a failed delegated build still counts the hinted change");

        // A hint on another file keeps the decision; the failure says the build went to the backend again.
        var again = builder.Build(Request(), ChangeHints.For(["flask_app/cli.py"]), CancellationToken.None);
        Assert.StartsWith("delegated:", again.Result.Mode, StringComparison.Ordinal);

        File.WriteAllText(pyproject, original);
        var native = builder.Build(Request(), ChangeHints.For(["pyproject.toml"]), CancellationToken.None);
        Assert.True(native.Result.Succeeded, string.Join("\n", native.Result.Diagnostics));
        Assert.Equal("native", native.Result.Mode);
        Assert.Equal(first.Result.Artifacts.Select(a => a.Sha256), native.Result.Artifacts.Select(a => a.Sha256));
    }
}

using System.Text.Json;
using PackDaemon.Cli.Output;
using PackDaemon.Protocol;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed class BuildReportsTests
{
    private const string Artifact = """{"kind":"wheel","path":"/p/dist/a-1-py3-none-any.whl","size":10,"entries":3,"sha256":"ab","rewritten":true""";

    private static string Report(string mode, string artifactTail) => $$"""
        {"root":"/p","generation":1,"succeeded":true,"mode":"{{mode}}","upToDate":false,
         "artifacts":[{{Artifact}}{{artifactTail}}}],"changedEntries":[],
         "timings":{"reconcileMs":0,"loadMs":0,"selectMs":0,"readMs":0,"wheelMs":4,"sdistMs":0,"totalMs":5},"diagnostics":[]}
        """;

    [Fact]
    public void ToBuildResult_ReportFromAnOlderDaemon_WithoutArtifactModes_IsNative()
    {
        var report = JsonSerializer.Deserialize(Report("native", ""), ProtocolJsonContext.Default.BuildReport)!;

        var result = BuildReports.ToBuildResult(report);

        Assert.Equal("native", Assert.Single(result.Artifacts).Mode);
        Assert.Null(result.Artifacts[0].Reason);
        Assert.Equal("native", result.Mode);
    }

    [Fact]
    public void ToBuildResult_DelegatedReport_KeepsEachArtifactsModeAndReason()
    {
        var report = JsonSerializer.Deserialize(
            Report("delegated:hatchling.build", ""","mode":"delegated:hatchling.build","reason":"hatch build hook" """),
            ProtocolJsonContext.Default.BuildReport)!;

        var artifact = Assert.Single(BuildReports.ToBuildResult(report).Artifacts);

        Assert.Equal(("delegated:hatchling.build", "hatch build hook"), (artifact.Mode, artifact.Reason));
    }
}

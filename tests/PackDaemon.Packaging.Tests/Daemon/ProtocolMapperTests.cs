using System.Text.Json;
using PackDaemon.Daemon.Mapping;
using PackDaemon.Daemon.Rpc;
using PackDaemon.Engine.Building;
using PackDaemon.Engine.Incremental;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using PackDaemon.Protocol;

namespace PackDaemon.Packaging.Tests.Daemon;

public sealed class ProtocolMapperTests
{
    private static readonly Diagnostic s_warning = new("PD2001", DiagnosticSeverity.Warning, "odd", "src/a.py", 3, 7, "do this");

    [Theory]
    [InlineData(DiagnosticSeverity.Error, "error")]
    [InlineData(DiagnosticSeverity.Warning, "warning")]
    [InlineData(DiagnosticSeverity.Info, "info")]
    public void ToSeverity_EverySeverity_IsTheProtocolString(DiagnosticSeverity severity, string expected)
        => Assert.Equal(expected, ProtocolMapper.ToSeverity(severity));

    [Fact]
    public void ToReports_SixtyThousandLongWarnings_FitFarBelowTheFrameLimit_ErrorsKept_AndTheRestCounted()
    {
        // The campaign's project: ~60,000 warnings, each echoing a long line, made a 22 MB status reply.
        var echoed = new string('x', 5000);
        var diagnostics = Enumerable.Range(0, 60_000)
            .Select(i => new Diagnostic("PD3001", DiagnosticSeverity.Warning, $"odd line {i}: {echoed}", $"f{i}.py", 1, 1, "fix"))
            .Append(new Diagnostic("PD1001", DiagnosticSeverity.Error, "broken", "pyproject.toml", 2, 1, "fix it"))
            .ToList();

        var reports = ProtocolMapper.ToReports(diagnostics);
        var json = JsonSerializer.SerializeToUtf8Bytes(reports);

        Assert.True(json.Length < 4 * 1024 * 1024, $"{json.Length} bytes");
        Assert.Equal(ProtocolMapper.MaxDiagnosticsPerList + 1, reports.Count);
        Assert.Equal("PD1001", reports[0].Code);
        Assert.Equal(DiagnosticCodes.DiagnosticsOmitted, reports[^1].Code);
        Assert.Contains("59,001 more diagnostics (0 of them errors)", reports[^1].Message, StringComparison.Ordinal);
        Assert.All(reports, r => Assert.True(r.Message.Length <= ProtocolMapper.MaxTextLength + 40));
    }

    [Fact]
    public void ToReport_Diagnostic_KeepsEveryField()
    {
        var report = ProtocolMapper.ToReport(s_warning);

        Assert.Equal(new DiagnosticReport("PD2001", "warning", "odd", "src/a.py", 3, 7, "do this"), report);
    }

    [Fact]
    public void ToReport_Build_CarriesGenerationModeTimingsAndArtifacts()
    {
        var build = Build(upToDate: false);

        var report = ProtocolMapper.ToReport(build);

        Assert.Equal("/p/app", report.Root);
        Assert.Equal(5, report.Generation);
        Assert.Equal("native", report.Mode);
        Assert.True(report.Succeeded);
        Assert.False(report.UpToDate);
        Assert.Equal(["app/x.py"], report.ChangedEntries);
        Assert.Equal(new BuildTimings(9, 1, 2, 3, 4, 5, 24), report.Timings);
        var wheel = Assert.Single(report.Artifacts);
        Assert.Equal(new ArtifactReport("wheel", "/p/app/dist/app-1.0-py3-none-any.whl", 100, 4, "ab", true, "native"), wheel);
        Assert.Equal("warning", Assert.Single(report.Diagnostics).Severity);
    }

    [Fact]
    public void ToReport_DelegatedBuild_CarriesTheModeAndReason_OnTheReportAndEachArtifact()
    {
        const string Mode = "delegated:setuptools.build_meta:__legacy__";
        const string Reason = "setup.py runs code beyond a bare setup() shim (line 3: import os)";
        var build = Build(upToDate: false);
        var result = build.Outcome.Result;
        var delegated = build with
        {
            Outcome = build.Outcome with
            {
                Result = result with
                {
                    Artifacts = [.. result.Artifacts.Select(a => a with { Mode = Mode, Reason = Reason })],
                    Mode = Mode,
                    ModeReason = Reason,
                },
            },
        };

        var report = ProtocolMapper.ToReport(delegated);
        var summary = ProtocolMapper.ToSummary(delegated);

        Assert.Equal(Mode, report.Mode);
        Assert.Equal(Reason, report.ModeReason);
        Assert.Equal((Mode, Reason), (Assert.Single(report.Artifacts).Mode, report.Artifacts[0].Reason));
        Assert.Equal((Mode, Reason), (Assert.Single(summary.Artifacts).Mode, summary.Artifacts[0].Reason));
    }

    [Fact]
    public void ToReport_UpToDateBuild_MarksArtifactsNotRewritten()
    {
        var report = ProtocolMapper.ToReport(Build(upToDate: true));

        Assert.False(Assert.Single(report.Artifacts).Rewritten);
    }

    [Fact]
    public void ToStatus_Snapshot_CarriesGenerationHoldersAndLastBuild()
    {
        var build = Build(upToDate: false);
        var snapshot = new WorkspaceSnapshot("/p/app", "idle", 5, 0, build, 1, "events", null, [s_warning]);
        var until = new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero);

        var status = ProtocolMapper.ToStatus(snapshot, 0, until);

        Assert.Equal(5, status.Generation);
        Assert.Equal(0, status.Holders);
        Assert.Equal(until, status.KeepAliveUntil);
        Assert.Equal(5, status.LastBuild!.Generation);
        Assert.Equal(1, status.LastBuild.ChangedEntries);
        Assert.Single(status.Diagnostics);
    }

    [Fact]
    public void ToExplainResult_ProjectNotLoaded_HasNoDecisions()
    {
        var result = ProtocolMapper.ToExplainResult("a.py", null, [s_warning]);

        Assert.Null(result.Wheel);
        Assert.Null(result.Sdist);
        Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void ToExplainResult_Explanation_MapsBothArtifacts()
    {
        var explanation = new FileExplanation("app/x.py", true, "in package app", "app/x.py", false, "excluded by .gitignore");

        var result = ProtocolMapper.ToExplainResult("app/x.py", explanation, []);

        Assert.Equal(new ArtifactDecision(true, "app/x.py", "in package app"), result.Wheel);
        Assert.Equal(new ArtifactDecision(false, null, "excluded by .gitignore"), result.Sdist);
    }

    [Fact]
    public void SerializerOptions_BuildReport_IsCamelCaseWithoutNulls()
    {
        var options = RpcConnectionFactory.CreateSerializerOptions();

        var json = JsonSerializer.Serialize<object>(ProtocolMapper.ToReport(Build(upToDate: false)), options);

        Assert.Contains("\"changedEntries\":[\"app/x.py\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"reconcileMs\":9", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    private static WorkspaceBuild Build(bool upToDate)
    {
        var artifact = new ArtifactInfo("wheel", "/p/app/dist/app-1.0-py3-none-any.whl", 100, 4, "ab", 3);
        var result = new BuildResult(true, [artifact], [s_warning], ["app"], new PhaseTimings(1, 2, 3, 4, 5, 24));
        var outcome = new IncrementalBuildResult(result, 1, ["app/x.py"], upToDate, 9);
        return new WorkspaceBuild("/p/app", 5, "request", outcome, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}

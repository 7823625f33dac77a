using System.Text.Json;

namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>The artifacts a <c>packd build --json</c> run reported, read from its JSON output.</summary>
internal sealed record BuiltArtifacts(string Wheel, string Sdist, string WheelSha256, string SdistSha256)
{
    public static async Task<BuiltArtifacts> BuildAsync(string projectDir, string outDir, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await Packd.RunAsync(["build", projectDir, "--out", outDir, "--json"], environment: environment);
        Assert.True(result.ExitCode == 0, result.ToString());
        return Parse(result.StdOut);
    }

    public static BuiltArtifacts Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        string wheel = "", sdist = "", wheelSha = "", sdistSha = "";
        foreach (var artifact in doc.RootElement.GetProperty("artifacts").EnumerateArray())
        {
            var path = artifact.GetProperty("path").GetString()!;
            var sha = artifact.GetProperty("sha256").GetString()!;
            if (artifact.GetProperty("kind").GetString() == "wheel")
            {
                (wheel, wheelSha) = (path, sha);
            }
            else
            {
                (sdist, sdistSha) = (path, sha);
            }
        }

        return new BuiltArtifacts(wheel, sdist, wheelSha, sdistSha);
    }
}

using System.Text.RegularExpressions;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed partial class DaemonBuildIdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-buildid-").FullName;

    [Fact]
    public void Compute_IsVersionPlusTwelveHexDigits_AndFollowsEveryIdentifyingAssembly()
    {
        foreach (var file in DaemonBuildId.IdentifyingFiles)
        {
            File.WriteAllBytes(Path.Combine(_folder, file), [1, 2, 3]);
        }

        var first = DaemonBuildId.Compute(_folder);
        Assert.Matches(BuildPattern(), first!);
        Assert.StartsWith(DaemonBuildId.Version + "+", first!, StringComparison.Ordinal);

        // An engine-only change must be visible too: a client would otherwise keep a daemon running old build rules.
        File.WriteAllBytes(Path.Combine(_folder, "PackDaemon.Engine.dll"), [1, 2, 4]);
        Assert.NotEqual(first, DaemonBuildId.Compute(_folder));
    }

    [Fact]
    public void Compute_WithAnAssemblyMissing_IsNull()
    {
        File.WriteAllBytes(Path.Combine(_folder, "packd-daemon.dll"), [1]);
        Assert.Null(DaemonBuildId.Compute(_folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9a-f]{12}$")]
    private static partial Regex BuildPattern();
}

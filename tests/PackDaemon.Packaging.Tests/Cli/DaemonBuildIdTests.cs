using System.Text.RegularExpressions;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Packaging.Tests.Cli;

public sealed partial class DaemonBuildIdTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("packd-buildid-").FullName;

    [Fact]
    public void Compute_IsVersionPlusTwelveHexDigitsOfTheDaemonAssembly_AndFollowsItsBytes()
    {
        File.WriteAllBytes(Path.Combine(_folder, DaemonBuildId.AssemblyFileName), [1, 2, 3]);
        var first = DaemonBuildId.Compute(_folder);
        File.WriteAllBytes(Path.Combine(_folder, DaemonBuildId.AssemblyFileName), [1, 2, 4]);
        var second = DaemonBuildId.Compute(_folder);

        Assert.Matches(BuildPattern(), first!);
        Assert.StartsWith(DaemonBuildId.Version + "+", first!, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Compute_WithoutTheDaemonAssembly_IsNull() => Assert.Null(DaemonBuildId.Compute(_folder));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("^[0-9]+\\.[0-9]+\\.[0-9]+\\+[0-9a-f]{12}$")]
    private static partial Regex BuildPattern();
}

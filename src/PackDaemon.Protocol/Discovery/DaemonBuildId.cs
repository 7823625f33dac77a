using System.Globalization;
using System.Security.Cryptography;

namespace PackDaemon.Protocol.Discovery;

/// <summary>
/// The identity of a daemon build, <c>version+hash</c>: the version of this assembly, then the first 12 hex digits of
/// the SHA-256 over packd's own assemblies in the daemon's folder (<see cref="IdentifyingFiles"/>: the host, the daemon,
/// the engine, the standards and the protocol; framework and package assemblies carry versions already). The daemon
/// computes it over its own folder and reports it as
/// <see cref="InitializeResult.DaemonBuild"/>; a client computes it over the <c>packd-daemon</c> installed next to
/// itself. Equal strings mean the client talks to exactly the daemon it would start, so a rebuilt or upgraded install
/// never keeps talking to a stale daemon (the version alone does not change between local builds).
/// </summary>
public static class DaemonBuildId
{
    /// <summary>The daemon's executable (the apphost), next to <c>packd</c>.</summary>
    public const string ExecutableName = "packd-daemon";

    /// <summary>The files whose bytes identify a build, in hashing order. The apphost is the same for every build and
    /// is left out. A change to any of them (an engine fix, say) makes clients replace a running daemon.</summary>
    public static IReadOnlyList<string> IdentifyingFiles { get; } =
    [
        "packd-daemon.dll",
        "PackDaemon.Daemon.dll",
        "PackDaemon.Engine.dll",
        "PackDaemon.Packaging.dll",
        "PackDaemon.Protocol.dll",
    ];

    private const int HashHexDigits = 12;

    public static string Version { get; } = FormatVersion(typeof(DaemonBuildId).Assembly.GetName().Version);

    /// <param name="daemonFolder">The folder holding packd-daemon.dll and its assemblies.</param>
    /// <returns><c>version+hash</c>, or null when one of the files is missing or cannot be read.</returns>
    public static string? Compute(string daemonFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(daemonFolder);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in IdentifyingFiles)
            {
                hash.AppendData(File.ReadAllBytes(Path.Combine(daemonFolder, file)));
            }

            return Version + "+" + Convert.ToHexStringLower(hash.GetHashAndReset())[..HashHexDigits];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FormatVersion(Version? version) => version is null
        ? "0.0.0"
        : string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}.{Math.Max(0, version.Build)}");
}

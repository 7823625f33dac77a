using System.Globalization;
using System.Security.Cryptography;

namespace PackDaemon.Protocol.Discovery;

/// <summary>
/// The identity of a daemon build, <c>version+hash</c>: the version of this assembly, then the first 12 hex digits of
/// the SHA-256 of <c>packd-daemon.dll</c>. The daemon computes it over its own folder and reports it as
/// <see cref="InitializeResult.DaemonBuild"/>; a client computes it over the <c>packd-daemon</c> installed next to
/// itself. Equal strings mean the client talks to exactly the daemon it would start, so a rebuilt or upgraded install
/// never keeps talking to a stale daemon (the version alone does not change between local builds).
/// </summary>
public static class DaemonBuildId
{
    /// <summary>The daemon's executable (the apphost), next to <c>packd</c>.</summary>
    public const string ExecutableName = "packd-daemon";

    /// <summary>The managed assembly whose bytes identify the build; the apphost is the same for every build.</summary>
    public const string AssemblyFileName = "packd-daemon.dll";

    private const int HashHexDigits = 12;

    public static string Version { get; } = FormatVersion(typeof(DaemonBuildId).Assembly.GetName().Version);

    /// <param name="daemonFolder">The folder holding packd-daemon.dll.</param>
    /// <returns><c>version+hash</c>, or null when packd-daemon.dll is not in the folder or cannot be read.</returns>
    public static string? Compute(string daemonFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(daemonFolder);
        try
        {
            using var stream = File.OpenRead(Path.Combine(daemonFolder, AssemblyFileName));
            var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
            return Version + "+" + hash[..HashHexDigits];
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

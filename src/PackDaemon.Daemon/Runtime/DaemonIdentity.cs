using System.Security.Cryptography;
using PackDaemon.Engine.Building;
using PackDaemon.Protocol;

namespace PackDaemon.Daemon.Runtime;

/// <summary>Who this daemon is, as daemon.json, <c>initialize</c> and <c>status</c> report it.</summary>
/// <param name="Build">Version plus a hash of the daemon's own assemblies, so two builds of the same version are told
/// apart and a client never talks to a daemon built from other sources.</param>
/// <param name="PreviousStopReason">The previous daemon's last-stop.txt line, read before this one can overwrite it.</param>
internal sealed record DaemonIdentity(int Pid, string Version, string Build, DateTimeOffset StartedAt, string SocketPath, string? PreviousStopReason)
{
    public static DaemonIdentity Create(string socketPath, DateTimeOffset startedAt, string? previousStopReason)
    {
        var version = PackdVersion.Value;
        return new DaemonIdentity(Environment.ProcessId, version, version + "+" + HashOwnAssemblies(), startedAt, socketPath, previousStopReason);
    }

    public DaemonInfo ToInfo() => new(Pid, Version, Build, ProtocolVersion.Current, SocketPath, StartedAt);

    public InitializeResult ToInitializeResult() => new(ProtocolVersion.Current, Version, Build, Pid, StartedAt);

    private static string HashOwnAssemblies()
    {
        // The assemblies that make up packd's behaviour; framework and package assemblies are versioned already.
        Type[] anchors = [typeof(DaemonIdentity), typeof(PackdVersion), typeof(ProtocolVersion), typeof(Packaging.Diagnostics.Diagnostic)];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var location in anchors.Select(t => t.Assembly.Location).Append(Environment.ProcessPath ?? string.Empty).Distinct(StringComparer.Ordinal))
        {
            if (location.Length > 0 && File.Exists(location))
            {
                hash.AppendData(File.ReadAllBytes(location));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }
}

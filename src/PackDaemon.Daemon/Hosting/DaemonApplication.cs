using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PackDaemon.Daemon.Lifetime;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Runtime;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Daemon.Hosting;

/// <summary>
/// The daemon's life from start to exit: refuse an unsafe runtime folder (exit 1), step aside for a running daemon
/// (exit 0, "already running"), otherwise lock, bind, detach if asked, serve until stopped, and leave last-stop.txt
/// behind. Only files that still name this daemon are removed at exit, so a daemon that lost its place never
/// deletes its successor's socket.
/// </summary>
public static class DaemonApplication
{
    public static async Task<int> RunAsync(DaemonOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuntimeDirectory directory;
        try
        {
            directory = RuntimeDirectory.Resolve();
            directory.EnsureSecure();
        }
        catch (RuntimeDirectoryException ex)
        {
            await Console.Error.WriteLineAsync($"packd-daemon: {ex.Message} {ex.Fix}").ConfigureAwait(false);
            return 1;
        }

        using var instanceLock = InstanceLock.TryAcquire(directory.InstanceLockPath, out var holderPid);
        if (instanceLock is null)
        {
            await Console.Out.WriteLineAsync(AlreadyRunning(holderPid)).ConfigureAwait(false);
            return 0;
        }

        using var socket = DaemonSocket.BindOrDetectRunning(directory.SocketPath);
        if (socket is null)
        {
            // Another daemon answers although we hold the lock: it lost its lock file but still serves. Leave it be.
            var pid = DaemonInfoFile.TryRead(directory.InfoPath)?.Pid ?? 0;
            await Console.Out.WriteLineAsync(AlreadyRunning(pid)).ConfigureAwait(false);
            return 0;
        }

        var identity = DaemonIdentity.Create(directory.SocketPath, DateTimeOffset.UtcNow, LastStopFile.TryRead(directory.LastStopPath));
        if (options.Detach)
        {
            Detacher.Detach();
        }

        using var host = DaemonHostFactory.Build(options, directory, identity, instanceLock, socket);
        var lifetime = host.Services.GetRequiredService<DaemonLifetime>();
        var logger = host.Services.GetRequiredService<ILogger<DaemonLifetime>>();
        var exitCode = 0;
        string reason;
        try
        {
            // RunAsync also disposes the container, which closes every workspace (the registry is a singleton).
            await host.RunAsync().ConfigureAwait(false);
            reason = lifetime.StopReason;
        }
#pragma warning disable CA1031 // whatever stopped the host, the runtime folder is cleaned and the reason recorded
        catch (Exception ex)
#pragma warning restore CA1031
        {
            reason = "crashed: " + ex.GetType().Name + ": " + ex.Message;
            exitCode = 1;
        }

        try
        {
            LastStopFile.Write(directory.LastStopPath, DateTimeOffset.UtcNow, reason);
            socket.RemoveIfOurs();
            if (DaemonInfoFile.TryRead(directory.InfoPath)?.Pid == identity.Pid)
            {
                File.Delete(directory.InfoPath);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            DaemonLog.CleanupFailed(logger, ex);
        }

        return exitCode;
    }

    private static string AlreadyRunning(int pid) => pid > 0 ? $"packd-daemon: already running (pid {pid})" : "packd-daemon: already running";
}

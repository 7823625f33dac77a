using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using PackDaemon.Protocol;
using PackDaemon.Protocol.Discovery;

namespace PackDaemon.Cli.Daemon;

/// <summary>
/// Finds the user's daemon and, when asked, starts it (docs/protocol.md, "Finding the daemon"). A daemon is used only
/// when it speaks our protocol version and is the same build as the packd-daemon next to us; any other daemon is asked
/// to shut down and replaced, so packd never talks to a stale daemon without saying so.
/// </summary>
internal sealed class DaemonConnector
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Generous: a busy daemon still answers initialize at once, but a gen2 GC pause must not look like death.</summary>
    private static readonly TimeSpan InitializeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Long enough for another client to stop an old daemon and start a new one (the two bounds below).</summary>
    private static readonly TimeSpan SpawnLockTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A daemon that lets an in-flight build finish before it exits needs time; a wedged one gets this long.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long to keep probing after packd-daemon exited 0 (it says "already running" when another instance
    /// holds daemon.lock, which is then about to answer).</summary>
    private static readonly TimeSpan AfterCleanExitGrace = TimeSpan.FromSeconds(3);

    private readonly TimeProvider _time;

    public DaemonConnector(RuntimeDirectory runtime, DaemonExecutable executable, TimeProvider? time = null)
    {
        Runtime = runtime;
        Executable = executable;
        _time = time ?? TimeProvider.System;
    }

    public RuntimeDirectory Runtime { get; }

    public DaemonExecutable Executable { get; }

    /// <summary>The daemon of this user and install, started when none runs.</summary>
    /// <exception cref="DaemonUnavailableException">It could not be reached or started; the message says why.</exception>
    public async Task<DaemonClient> ConnectOrStartAsync(CancellationToken cancellationToken)
    {
        var probe = await ProbeOrExplainAsync(cancellationToken).ConfigureAwait(false);
        if (probe.Compatible)
        {
            return probe.Client!;
        }

        await DisposeAsync(probe).ConfigureAwait(false);
        if (!Executable.Exists)
        {
            throw new DaemonUnavailableException(Executable.MissingMessage);
        }

        try
        {
            Runtime.EnsureSecure();
        }
        catch (RuntimeDirectoryException ex)
        {
            throw new DaemonUnavailableException(ex.Message + " " + ex.Fix, ex);
        }

        using var spawnLock = await SpawnLock.AcquireAsync(Runtime.SpawnLockPath, SpawnLockTimeout, _time, cancellationToken).ConfigureAwait(false)
            ?? throw new DaemonUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"another packd held '{Runtime.SpawnLockPath}' for {SpawnLockTimeout.TotalSeconds:0} s while starting the daemon"));

        // Whoever held the lock before us may have started the daemon already.
        probe = await ProbeOrExplainAsync(cancellationToken).ConfigureAwait(false);
        if (probe.Compatible)
        {
            return probe.Client!;
        }

        if (probe.Running)
        {
            await StopAsync(probe, cancellationToken).ConfigureAwait(false);
        }

        return await StartAndConnectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Looks at the runtime folder and the socket without starting anything (for status and stop).</summary>
    /// <exception cref="RuntimeDirectoryException">The runtime folder exists but is unsafe to trust.</exception>
    public async Task<DaemonProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        if (UnixFileStatus.Read(Runtime.Path) is null)
        {
            return DaemonProbe.Absent("no daemon is running");
        }

        Runtime.Verify();
        if (DaemonInfoFile.TryRead(Runtime.InfoPath) is not { } info)
        {
            return DaemonProbe.Absent("no daemon is running");
        }

        JsonRpcConnection connection;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(ConnectTimeout);
            connection = await DaemonClient.ConnectAsync(info.Socket, connectTimeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // daemon.json outlived its daemon (crash, kill -9): a failed connection, never the file's age, says so.
            return DaemonProbe.Absent("no daemon is running (daemon.json is stale)");
        }

        return await InitializeAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Asks a running daemon to stop and waits for its process to exit.</summary>
    /// <exception cref="DaemonUnavailableException">It was still running after the stop timeout.</exception>
    public async Task StopAsync(DaemonProbe probe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Pid is not { } pid)
        {
            return;
        }

        if (probe.Client is { } client)
        {
            try
            {
                await client.ShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DaemonConnectionLostException or JsonRpcException)
            {
                // Already stopping (1004) or gone: either way, what follows waits for the process to exit.
            }
            finally
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }
        else
        {
            // Another protocol version refuses every method before initialize; SIGTERM is the one request it understands.
            _ = PosixNative.Kill(pid, PosixNative.SignalTerminate);
        }

        if (!await DaemonExecutable.WaitForExitAsync(pid, StopTimeout, _time, cancellationToken).ConfigureAwait(false))
        {
            throw new DaemonUnavailableException(string.Create(CultureInfo.InvariantCulture,
                $"the running daemon (pid {pid}) did not stop within {StopTimeout.TotalSeconds:0} s; stop it with 'kill {pid}'"));
        }
    }

    private static async ValueTask DisposeAsync(DaemonProbe probe)
    {
        if (probe.Client is { } client)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<DaemonProbe> ProbeOrExplainAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ProbeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RuntimeDirectoryException ex)
        {
            throw new DaemonUnavailableException(ex.Message + " " + ex.Fix, ex);
        }
    }

    private async Task<DaemonProbe> InitializeAsync(JsonRpcConnection connection, CancellationToken cancellationToken)
    {
        InitializeResult daemon;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InitializeTimeout);
            daemon = await DaemonClient.InitializeAsync(connection, timeout.Token).ConfigureAwait(false);
        }
        catch (JsonRpcException ex) when (ex.Code == ErrorCodes.ProtocolMismatch)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var other = ReadInitializeResult(ex.ErrorData);
            return new DaemonProbe(null, false, other?.Pid, other, string.Create(CultureInfo.InvariantCulture,
                $"the running daemon speaks protocol {other?.ProtocolVersion.ToString(CultureInfo.InvariantCulture) ?? "?"}, packd speaks {ProtocolVersion.Current}"));
        }
        catch (Exception ex) when (ex is IOException or JsonRpcException or JsonException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return DaemonProbe.Absent(ex is OperationCanceledException
                ? $"the daemon did not answer initialize within {InitializeTimeout.TotalSeconds:0} s"
                : "the daemon failed the handshake: " + ex.Message);
        }

        var client = new DaemonClient(connection, daemon);
        if (Executable.Build is { } expected && !string.Equals(daemon.DaemonBuild, expected, StringComparison.Ordinal))
        {
            return new DaemonProbe(client, false, daemon.Pid, daemon,
                $"the running daemon is build {daemon.DaemonBuild}, the packd-daemon next to packd is {expected}");
        }

        return new DaemonProbe(client, true, daemon.Pid, daemon, string.Empty);
    }

    private async Task<DaemonClient> StartAndConnectAsync(CancellationToken cancellationToken)
    {
        using var process = Executable.StartDetached();
        var started = _time.GetTimestamp();
        long? exitedAt = null;
        while (true)
        {
            var probe = await ProbeOrExplainAsync(cancellationToken).ConfigureAwait(false);
            if (probe.Compatible)
            {
                return probe.Client!;
            }

            if (probe.Running)
            {
                await DisposeAsync(probe).ConfigureAwait(false);
                throw new DaemonUnavailableException("the daemon that started is not the expected one: " + probe.Reason);
            }

            if (exitedAt is null && process.HasExited)
            {
                if (process.ExitCode != 0)
                {
                    throw new DaemonUnavailableException(string.Create(CultureInfo.InvariantCulture,
                        $"packd-daemon exited with code {process.ExitCode}; see {Runtime.LogPath}"));
                }

                exitedAt = _time.GetTimestamp();
            }

            if (exitedAt is { } exited && _time.GetElapsedTime(exited) >= AfterCleanExitGrace)
            {
                throw new DaemonUnavailableException($"packd-daemon exited at once without answering; see {Runtime.LogPath}");
            }

            if (_time.GetElapsedTime(started) >= StartTimeout)
            {
                throw new DaemonUnavailableException(string.Create(CultureInfo.InvariantCulture,
                    $"packd-daemon did not answer within {StartTimeout.TotalSeconds:0} s; see {Runtime.LogPath}"));
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static InitializeResult? ReadInitializeResult(JsonElement? data)
    {
        try
        {
            return data?.Deserialize(ProtocolJsonContext.Default.InitializeResult);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

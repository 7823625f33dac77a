using Microsoft.Extensions.Logging;

namespace PackDaemon.Daemon.Logging;

/// <summary>Every message the daemon logs, source-generated so a disabled level costs nothing and each event has a
/// stable id to grep for in daemon.log.</summary>
internal static partial class DaemonLog
{
    [LoggerMessage(1, LogLevel.Information, "packd-daemon {Build} (pid {Pid}) listening on {Socket}; idle timeout {IdleTimeout}, keep-alive {KeepAlive}")]
    public static partial void Listening(ILogger logger, string build, int pid, string socket, TimeSpan idleTimeout, TimeSpan keepAlive);

    [LoggerMessage(2, LogLevel.Information, "stopping: {Reason}")]
    public static partial void Stopping(ILogger logger, string reason);

    [LoggerMessage(16, LogLevel.Warning, "in-flight builds still running after {Seconds} s of shutdown; stopping anyway, which cancels them")]
    public static partial void DrainTimedOut(ILogger logger, double seconds);

    [LoggerMessage(3, LogLevel.Warning, "refused a connection from uid {PeerUid} (pid {PeerPid}); this daemon serves uid {OwnUid} only")]
    public static partial void PeerRefused(ILogger logger, uint peerUid, int peerPid, uint ownUid);

    [LoggerMessage(4, LogLevel.Information, "connection {ConnectionId} from pid {PeerPid} opened")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, int peerPid);

    [LoggerMessage(5, LogLevel.Information, "connection {ConnectionId} closed: {Reason} {Description}")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, string reason, string description);

    [LoggerMessage(6, LogLevel.Information, "connection {ConnectionId} initialized by {ClientName} {ClientVersion} (protocol {ProtocolVersion})")]
    public static partial void Initialized(ILogger logger, long connectionId, string clientName, string? clientVersion, int protocolVersion);

    [LoggerMessage(7, LogLevel.Information, "workspace {Root} opened")]
    public static partial void WorkspaceOpened(ILogger logger, string root);

    [LoggerMessage(8, LogLevel.Information, "workspace {Root} closed after its keep-alive")]
    public static partial void WorkspaceClosed(ILogger logger, string root);

    [LoggerMessage(9, LogLevel.Information, "build of {Root} generation {Generation}: {Outcome} in {TotalMs} ms")]
    public static partial void BuildFinished(ILogger logger, string root, long generation, string outcome, long totalMs);

    [LoggerMessage(10, LogLevel.Warning, "dropping connection {ConnectionId}: it does not read its notifications")]
    public static partial void SlowConsumer(ILogger logger, long connectionId);

    [LoggerMessage(11, LogLevel.Warning, "could not notify connection {ConnectionId}")]
    public static partial void NotifyFailed(ILogger logger, long connectionId, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "accept failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "could not read the peer credentials of a connection; closing it")]
    public static partial void PeerUnknown(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "cleanup after stop failed")]
    public static partial void CleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Error, "workspace {Root} failed to close")]
    public static partial void WorkspaceCloseFailed(ILogger logger, string root, Exception exception);
}

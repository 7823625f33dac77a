namespace PackDaemon.Cli.Daemon;

/// <summary>The connection to the daemon closed (or broke) before the answer came: the daemon stopped, crashed or
/// dropped us. Callers treat it like an unreachable daemon.</summary>
internal sealed class DaemonConnectionLostException : IOException
{
    public DaemonConnectionLostException(string message)
        : base(message)
    {
    }

    public DaemonConnectionLostException()
    {
    }

    public DaemonConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

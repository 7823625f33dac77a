namespace PackDaemon.Cli.Daemon;

/// <summary>No usable daemon could be reached or started. The message is short enough for the one notice line
/// <c>packd: daemon unavailable (&lt;message&gt;); built in-process</c>, and names the fix when there is one.</summary>
internal sealed class DaemonUnavailableException : Exception
{
    public DaemonUnavailableException(string message)
        : base(message)
    {
    }

    public DaemonUnavailableException()
    {
    }

    public DaemonUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

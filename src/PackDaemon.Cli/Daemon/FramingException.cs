namespace PackDaemon.Cli.Daemon;

/// <summary>The peer broke the Content-Length framing (no length, oversize frame, truncated frame). The connection
/// cannot be resynchronised after that, so the reader stops and the connection closes.</summary>
internal sealed class FramingException : IOException
{
    public FramingException(string message)
        : base(message)
    {
    }

    public FramingException()
    {
    }

    public FramingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace PackDaemon.Protocol.Discovery;

/// <summary>The runtime folder is unsafe or unusable. <see cref="Fix"/> says what the user should do.</summary>
public sealed class RuntimeDirectoryException : Exception
{
    public RuntimeDirectoryException(string message, string fix)
        : base(message)
    {
        Fix = fix;
    }

    public RuntimeDirectoryException()
    {
        Fix = string.Empty;
    }

    public RuntimeDirectoryException(string message)
        : base(message)
    {
        Fix = string.Empty;
    }

    public RuntimeDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Fix = string.Empty;
    }

    public string Fix { get; }
}

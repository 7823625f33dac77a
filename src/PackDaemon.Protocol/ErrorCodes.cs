namespace PackDaemon.Protocol;

/// <summary>Application error codes (1000 and up). JSON-RPC's own codes (-32700 parse error, -32600 invalid request,
/// -32601 method not found, -32602 invalid params, -32603 internal error) keep their standard meaning.</summary>
public static class ErrorCodes
{
    /// <summary>The client speaks another protocol version; <c>data</c> carries the daemon's <see cref="InitializeResult"/>.</summary>
    public const int ProtocolMismatch = 1001;

    /// <summary>A method other than <c>initialize</c> was called before <c>initialize</c>.</summary>
    public const int NotInitialized = 1002;

    /// <summary>The folder is not a project: no pyproject.toml, or not an absolute path to a folder.</summary>
    public const int NotAProject = 1003;

    /// <summary>The daemon is shutting down and takes no new work.</summary>
    public const int ShuttingDown = 1004;

    /// <summary>The build was superseded or cancelled before it produced a result.</summary>
    public const int BuildCancelled = 1005;
}

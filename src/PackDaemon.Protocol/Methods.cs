namespace PackDaemon.Protocol;

/// <summary>Every JSON-RPC method and notification name, as docs/protocol.md lists them.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Shutdown = "shutdown";
    public const string WorkspaceOpen = "workspace/open";
    public const string WorkspaceClose = "workspace/close";
    public const string WorkspaceRescan = "workspace/rescan";
    public const string Build = "build";
    public const string Status = "status";
    public const string Explain = "explain";

    /// <summary>Notification, daemon to client: a build of an open workspace started.</summary>
    public const string BuildStarted = "build/started";

    /// <summary>Notification, daemon to client: a build finished, with the same payload a <c>build</c> request returns.</summary>
    public const string BuildFinished = "build/finished";

    /// <summary>Notification, daemon to client: the set of diagnostics of a workspace changed.</summary>
    public const string DiagnosticsChanged = "diagnostics/changed";
}

namespace PackDaemon.Protocol;

/// <summary>The result of <c>shutdown</c>: the daemon finishes in-flight builds, answers, and exits.</summary>
public sealed record ShutdownResult(int Pid);

namespace PackDaemon.Protocol;

/// <summary>Payload of <c>build/started</c>.</summary>
/// <param name="Trigger"><c>watch</c> (a change on disk) or <c>request</c> (a <c>build</c> call).</param>
public sealed record BuildStartedNotification(string Root, long Generation, int ChangedFiles, string Trigger);

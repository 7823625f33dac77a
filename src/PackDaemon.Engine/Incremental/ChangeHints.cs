namespace PackDaemon.Engine.Incremental;

/// <summary>What may have changed since the last build: paths only, with no trust in what the watcher said happened
/// to them. <see cref="Everything"/> asks for a full reconcile (first build, watcher overflow, forced rescan).</summary>
/// <param name="RelativePaths">Paths relative to the project root, with <c>/</c> separators.</param>
public sealed record ChangeHints(IReadOnlyCollection<string> RelativePaths, bool Everything)
{
    public static ChangeHints All { get; } = new([], true);

    public static ChangeHints For(IReadOnlyCollection<string> relativePaths) => new(relativePaths, false);
}

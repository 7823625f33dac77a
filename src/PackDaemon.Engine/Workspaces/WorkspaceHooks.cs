using PackDaemon.Engine.Watching;

namespace PackDaemon.Engine.Workspaces;

/// <summary>The parts of a workspace a test replaces: the builder, the event watcher, and the timings that are not
/// user options.</summary>
/// <param name="PollInterval">How often a root without file events is stat-compared.</param>
/// <param name="CookieTimeout">How long a build request waits for its sync cookie before reconciling everything.</param>
/// <param name="GitRecheck">How often a deferred batch looks at git's markers again when no event says they moved
/// (they may live outside the root, in a parent repository or a linked worktree's git folder).</param>
/// <param name="GitBusy">Given the root, a probe that says whether git is busy; null for <see cref="GitActivity"/>.</param>
/// <param name="GitIndexLocked">Given the root, a probe that says whether git holds its index lock; null for
/// <see cref="GitActivity"/>.</param>
internal sealed record WorkspaceHooks(
    Func<string, IWorkspaceBuilder> CreateBuilder,
    TreeWatcherFactory CreateWatcher,
    TimeSpan PollInterval,
    TimeSpan CookieTimeout,
    TimeSpan GitRecheck,
    Func<string, Func<bool>>? GitBusy = null,
    Func<string, Func<bool>>? GitIndexLocked = null)
{
    public static WorkspaceHooks Production { get; } = new(
        root => new ModeChoosingWorkspaceBuilder(root),
        FileSystemTreeWatcher.Create,
        PollInterval: TimeSpan.FromSeconds(1),
        CookieTimeout: TimeSpan.FromSeconds(2),
        GitRecheck: TimeSpan.FromMilliseconds(250));
}

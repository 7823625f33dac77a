namespace PackDaemon.Packaging.Tests.Engine.Workspaces;

/// <summary>How long a test waits for something it expects. Generous: the test only waits that long when it fails.</summary>
internal static class TestTimeouts
{
    public static TimeSpan Event { get; } = TimeSpan.FromSeconds(20);
}

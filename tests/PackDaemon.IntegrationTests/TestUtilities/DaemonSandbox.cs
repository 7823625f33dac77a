namespace PackDaemon.IntegrationTests.TestUtilities;

/// <summary>
/// An isolated runtime folder (PACKD_RUNTIME_DIR, short: Unix socket paths are limited to ~100 bytes) with the daemon
/// allowed, so a test may start its own daemon; disposing stops whatever daemon the test started there.
/// </summary>
internal sealed class DaemonSandbox : IAsyncDisposable
{
    public DaemonSandbox()
    {
        RuntimeDirectory = $"/tmp/pdt-{Guid.NewGuid().ToString("N")[..10]}";
        Environment = new Dictionary<string, string?> { ["PACKD_RUNTIME_DIR"] = RuntimeDirectory, ["PACKD_NO_DAEMON"] = null };
    }

    public string RuntimeDirectory { get; }

    public string InfoPath => Path.Combine(RuntimeDirectory, "daemon.json");

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public Task<ProcessResult> RunAsync(params string[] arguments) => Packd.RunAsync(arguments, environment: Environment);

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(InfoPath))
        {
            await RunAsync("stop");
        }

        try
        {
            Directory.Delete(RuntimeDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test never needed the folder.
        }
    }
}

using PackDaemon.IntegrationTests.TestUtilities;

namespace PackDaemon.IntegrationTests.Daemon;

/// <summary>One test's world: a temp folder, a runtime folder inside it that only this test's daemons use (short
/// enough for the socket path limit), a deadline, and every daemon started, killed at the end if still running.</summary>
internal sealed class DaemonTestScope : IAsyncDisposable
{
    private readonly CancellationTokenSource _deadline;
    private readonly List<DaemonProcess> _daemons = [];

    public DaemonTestScope(TimeSpan? timeout = null)
    {
        Temp = new TempDirectory("pdt");
        RuntimeDirectory = Temp.Combine("rt");
        _deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        _deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(60));
    }

    public TempDirectory Temp { get; }

    public string RuntimeDirectory { get; }

    public CancellationToken Token => _deadline.Token;

    public DaemonProcess Start(params string[] arguments)
    {
        var daemon = DaemonProcess.Start(RuntimeDirectory, arguments);
        _daemons.Add(daemon);
        return daemon;
    }

    public async Task<DaemonProcess> StartReadyAsync(params string[] arguments)
    {
        var daemon = Start(arguments);
        await daemon.WaitUntilReadyAsync(Token);
        return daemon;
    }

    /// <summary>A daemon with extra environment variables, as when the CLI that spawns it has them set.</summary>
    public async Task<DaemonProcess> StartReadyAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var daemon = DaemonProcess.Start(RuntimeDirectory, environment);
        _daemons.Add(daemon);
        await daemon.WaitUntilReadyAsync(Token);
        return daemon;
    }

    public async Task<RpcTestClient> ConnectInitializedAsync(DaemonProcess daemon)
    {
        var client = await daemon.ConnectAsync(Token);
        await client.InitializeAsync(Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var daemon in _daemons)
        {
            await daemon.DisposeAsync();
        }

        _deadline.Dispose();
        Temp.Dispose();
    }
}

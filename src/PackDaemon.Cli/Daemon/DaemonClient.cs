using System.Net.Sockets;
using System.Threading.Channels;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Daemon;

/// <summary>The daemon's methods as typed calls over one initialized connection. Obtain one from
/// <see cref="DaemonConnector"/>, which also checks that the daemon is the build this packd expects.</summary>
internal sealed class DaemonClient : IAsyncDisposable
{
    private static readonly ProtocolJsonContext Json = ProtocolJsonContext.Default;

    private readonly JsonRpcConnection _connection;

    public DaemonClient(JsonRpcConnection connection, InitializeResult daemon)
    {
        _connection = connection;
        Daemon = daemon;
    }

    /// <summary>Who answered <c>initialize</c>.</summary>
    public InitializeResult Daemon { get; }

    public ChannelReader<JsonRpcNotification> Notifications => _connection.Notifications;

    /// <summary>Completes when the connection closes (for example when the daemon stops).</summary>
    public Task Completion => _connection.Completion;

    /// <summary>Connects to the socket without sending anything; <see cref="InitializeAsync"/> comes next.</summary>
    /// <exception cref="SocketException">Nothing listens there (refused, missing socket file).</exception>
    public static async Task<JsonRpcConnection> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return new JsonRpcConnection(new NetworkStream(socket, ownsSocket: true));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends <c>initialize</c> as the protocol requires first.</summary>
    /// <exception cref="JsonRpcException">Code 1001 when the daemon speaks another protocol version.</exception>
    public static Task<InitializeResult> InitializeAsync(JsonRpcConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var parameters = new InitializeParams(ProtocolVersion.Current, "packd", DaemonBuildVersion);
        return connection.InvokeAsync(Methods.Initialize, parameters, Json.InitializeParams, Json.InitializeResult, cancellationToken);
    }

    public Task<BuildReport> BuildAsync(BuildParams parameters, CancellationToken cancellationToken)
        => _connection.InvokeAsync(Methods.Build, parameters, Json.BuildParams, Json.BuildReport, cancellationToken);

    public Task<StatusResult> StatusAsync(CancellationToken cancellationToken)
        => _connection.InvokeAsync(Methods.Status, new EmptyParams(), Json.EmptyParams, Json.StatusResult, cancellationToken);

    public Task<ShutdownResult> ShutdownAsync(CancellationToken cancellationToken)
        => _connection.InvokeAsync(Methods.Shutdown, new EmptyParams(), Json.EmptyParams, Json.ShutdownResult, cancellationToken);

    public Task<WorkspaceStatus> OpenWorkspaceAsync(string root, bool subscribe, CancellationToken cancellationToken)
        => _connection.InvokeAsync(Methods.WorkspaceOpen, new WorkspaceParams(root, subscribe), Json.WorkspaceParams, Json.WorkspaceStatus, cancellationToken);

    public Task<EmptyParams> CloseWorkspaceAsync(string root, CancellationToken cancellationToken)
        => _connection.InvokeAsync(Methods.WorkspaceClose, new WorkspaceParams(root), Json.WorkspaceParams, Json.EmptyParams, cancellationToken);

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static string DaemonBuildVersion => PackDaemon.Protocol.Discovery.DaemonBuildId.Version;
}

using System.Diagnostics;
using System.Globalization;
using PackDaemon.Daemon.Connections;
using PackDaemon.Daemon.Hosting;
using PackDaemon.Daemon.Lifetime;
using PackDaemon.Daemon.Logging;
using PackDaemon.Daemon.Mapping;
using PackDaemon.Daemon.Workspaces;
using PackDaemon.Engine.Workspaces;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Protocol;
using Microsoft.Extensions.Logging;
using StreamJsonRpc;

namespace PackDaemon.Daemon.Rpc;

/// <summary>
/// The methods of docs/protocol.md for one connection. Every method but <c>initialize</c> first checks the handshake
/// (1002). The public methods are exactly the RPC surface: StreamJsonRpc dispatches to them by reflection.
/// </summary>
internal sealed class DaemonRpcTarget(DaemonConnection connection, DaemonContext daemon)
{
    private readonly ILogger _logger = daemon.LoggerFactory.CreateLogger<DaemonRpcTarget>();

    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams parameters)
    {
        if (parameters is null)
        {
            throw RpcErrors.InvalidParams("initialize needs { protocolVersion, clientName }.");
        }

        var result = daemon.Identity.ToInitializeResult();
        if (parameters.ProtocolVersion != ProtocolVersion.Current)
        {
            throw RpcErrors.ProtocolMismatch(parameters.ProtocolVersion, result);
        }

        connection.MarkInitialized();
        DaemonLog.Initialized(_logger, connection.Id, parameters.ClientName ?? "?", parameters.ClientVersion, parameters.ProtocolVersion);
        return result;
    }

    [JsonRpcMethod(Methods.Shutdown, UseSingleObjectParameterDeserialization = true)]
    public async Task<ShutdownResult> ShutdownAsync(EmptyParams? parameters = null)
    {
        _ = parameters;
        RequireInitialized();
        var reason = string.Create(CultureInfo.InvariantCulture, $"shutdown request from pid {connection.Peer.Pid}");
        daemon.Lifetime.BeginShutdown(reason);
        await daemon.Lifetime.WhenDrainedAsync(DaemonLifetime.DrainGrace).ConfigureAwait(false);
        // Stop once this answer is written: DispatchCompletion includes this very call.
        var rpc = connection.Rpc;
        _ = Task.Run(async () =>
        {
            await rpc.DispatchCompletion.ConfigureAwait(false);
            daemon.Lifetime.StopNow();
        });
        return new ShutdownResult(daemon.Identity.Pid);
    }

    [JsonRpcMethod(Methods.WorkspaceOpen, UseSingleObjectParameterDeserialization = true)]
    public WorkspaceStatus OpenWorkspace(WorkspaceParams parameters)
    {
        RequireInitialized();
        RequireRunning();
        var root = RequireRoot(parameters?.Root);

        // Subscribed before the workspace is acquired: acquiring a new workspace starts its first build at once, and a
        // subscription made after that could miss the build's build/started and see only its build/finished.
        bool subscribeNow = parameters!.Subscribe && !connection.IsSubscribed(root);
        if (subscribeNow)
        {
            connection.Subscribe(root);
        }

        try
        {
            return ProtocolMapper.ToStatus(daemon.Registry.Acquire(root, connection.Id));
        }
        catch
        {
            if (subscribeNow)
            {
                connection.Unsubscribe(root);
            }

            throw;
        }
    }

    /// <summary>A full reconcile of an open workspace, as after a watcher overflow: the way to repair a tree the
    /// watcher could not follow (a network mount, a restored backup) without restarting the daemon.</summary>
    [JsonRpcMethod(Methods.WorkspaceRescan, UseSingleObjectParameterDeserialization = true)]
    public WorkspaceStatus RescanWorkspace(WorkspaceParams parameters)
    {
        RequireInitialized();
        RequireRunning();
        var root = RequireRoot(parameters?.Root);
        var entry = daemon.Registry.Find(root)
            ?? throw RpcErrors.NotAProject($"'{root}' is not open; call workspace/open first.");
        entry.Workspace.RequestRescan();
        return ProtocolMapper.ToStatus(entry);
    }

    [JsonRpcMethod(Methods.WorkspaceClose, UseSingleObjectParameterDeserialization = true)]
    public EmptyResult CloseWorkspace(WorkspaceParams parameters)
    {
        RequireInitialized();
        if (string.IsNullOrEmpty(parameters?.Root) || !Path.IsPathFullyQualified(parameters.Root))
        {
            throw RpcErrors.NotAProject($"root must be an absolute path, not '{parameters?.Root}'.");
        }

        // A project deleted while open must still be closable, so the root is only normalized here, not validated.
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(parameters.Root));
        connection.Unsubscribe(root);
        daemon.Registry.Release(root, connection.Id);
        return EmptyResult.Instance;
    }

    [JsonRpcMethod(Methods.Build, UseSingleObjectParameterDeserialization = true)]
    public async Task<BuildReport> BuildAsync(BuildParams parameters)
    {
        RequireInitialized();
        var root = RequireRoot(parameters?.Root);
        if (parameters!.OutputDirectory is { } output && !Path.IsPathFullyQualified(output))
        {
            throw RpcErrors.InvalidParams($"outputDirectory must be an absolute path, not '{output}'.");
        }

        using var work = daemon.Lifetime.TryBeginWork() ?? throw RpcErrors.ShuttingDown();
        // The client's own hold keeps the workspace open; otherwise a lease does for this call and, released after
        // it, leaves the workspace in its keep-alive.
        var holder = daemon.Registry.IsHeldBy(root, connection.Id) ? connection.Id : daemon.Registry.NewLeaseId();
        var entry = daemon.Registry.Acquire(root, holder);
        try
        {
            var request = new WorkspaceBuildRequest(parameters.Wheel, parameters.Sdist, parameters.OutputDirectory)
            {
                PythonOption = parameters.Python,
                PythonVariable = parameters.PythonVariable,
            };
            // Not the connection's token: a client that vanishes mid-build must not cancel what others may wait for.
            var build = await entry.Workspace.BuildAsync(request, daemon.Lifetime.Stopping).ConfigureAwait(false);
            return ProtocolMapper.ToReport(build);
        }
        catch (OperationCanceledException)
        {
            throw RpcErrors.BuildCancelled();
        }
        finally
        {
            if (holder != connection.Id)
            {
                daemon.Registry.Release(root, holder);
            }
        }
    }

    [JsonRpcMethod(Methods.Status, UseSingleObjectParameterDeserialization = true)]
    public StatusResult Status(EmptyParams? parameters = null)
    {
        _ = parameters;
        RequireInitialized();
        var identity = daemon.Identity;
        using var process = Process.GetCurrentProcess();
        var uptime = daemon.Time.GetUtcNow() - identity.StartedAt;
        return new StatusResult(
            identity.Pid,
            identity.Version,
            ProtocolVersion.Current,
            identity.StartedAt,
            (long)Math.Max(0, uptime.TotalMilliseconds),
            process.WorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            daemon.Connections.Count,
            identity.PreviousStopReason,
            [.. daemon.Registry.Entries().Select(ProtocolMapper.ToStatus)]);
    }

    [JsonRpcMethod(Methods.Explain, UseSingleObjectParameterDeserialization = true)]
    public async Task<ExplainResult> ExplainAsync(ExplainParams parameters)
    {
        RequireInitialized();
        var root = RequireRoot(parameters?.Root);
        var path = parameters!.Path;
        if (string.IsNullOrEmpty(path))
        {
            throw RpcErrors.InvalidParams("explain needs a path.");
        }

        var relative = Path.IsPathFullyQualified(path) ? Path.GetRelativePath(root, path) : path;
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathFullyQualified(relative))
        {
            throw RpcErrors.InvalidParams($"'{path}' is outside the project '{root}'.");
        }

        relative = relative.Replace('\\', '/');
        var diagnostics = new DiagnosticBag();
        var explanation = await Task.Run(() => Workspace.Explain(root, relative, diagnostics)).ConfigureAwait(false);
        return ProtocolMapper.ToExplainResult(relative, explanation, diagnostics.Sorted())
            with { Generation = daemon.Registry.Find(root)?.Workspace.Snapshot().Generation };
    }

    private void RequireInitialized()
    {
        if (!connection.IsInitialized)
        {
            throw RpcErrors.NotInitialized();
        }
    }

    private void RequireRunning()
    {
        if (daemon.Lifetime.IsShuttingDown)
        {
            throw RpcErrors.ShuttingDown();
        }
    }

    private static string RequireRoot(string? root) =>
        ProjectRoot.Normalize(root, out var problem) ?? throw RpcErrors.NotAProject(problem!);
}

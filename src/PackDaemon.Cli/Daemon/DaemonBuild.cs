using PackDaemon.Protocol;

namespace PackDaemon.Cli.Daemon;

/// <summary>One <c>build</c> call through the daemon, starting it when needed. Every way it can fail that is not the
/// user's project (no daemon, a crash mid-build, a daemon that is stopping) becomes
/// <see cref="DaemonUnavailableException"/>, so the caller builds in-process and says so in one line.</summary>
internal static class DaemonBuild
{
    public static async Task<BuildReport> RunAsync(DaemonConnector connector, BuildParams parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var client = await connector.ConnectOrStartAsync(cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            try
            {
                return await client.BuildAsync(parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (DaemonConnectionLostException ex)
            {
                throw new DaemonUnavailableException("the daemon closed the connection during the build", ex);
            }
            catch (JsonRpcException ex)
            {
                // Even "not a project" goes to the in-process build: its diagnostics are the authoritative answer.
                throw new DaemonUnavailableException(RpcErrorText.Describe(ex), ex);
            }
        }
    }
}

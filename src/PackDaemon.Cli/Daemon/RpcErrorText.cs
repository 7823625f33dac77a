using System.Globalization;
using PackDaemon.Protocol;

namespace PackDaemon.Cli.Daemon;

/// <summary>Says in words what a daemon error code means, for the one line the user sees.</summary>
internal static class RpcErrorText
{
    public static string Describe(JsonRpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var what = error.Code switch
        {
            ErrorCodes.ProtocolMismatch => "the daemon speaks another protocol version",
            ErrorCodes.NotInitialized => "the daemon says the connection was not initialized",
            ErrorCodes.NotAProject => "the daemon refused the folder as a project",
            ErrorCodes.ShuttingDown => "the daemon is shutting down",
            ErrorCodes.BuildCancelled => "the daemon cancelled the build because it is stopping",
            -32601 => "the daemon does not know this method (an older daemon?)",
            -32602 => "the daemon rejected the parameters",
            -32603 => "the daemon failed internally",
            _ => string.Create(CultureInfo.InvariantCulture, $"the daemon answered error {error.Code}"),
        };
        return string.IsNullOrEmpty(error.Message) ? what : what + ": " + error.Message;
    }
}

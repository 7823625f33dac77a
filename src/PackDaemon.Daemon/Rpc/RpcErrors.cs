using PackDaemon.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PackDaemon.Daemon.Rpc;

/// <summary>The application errors of docs/protocol.md as exceptions StreamJsonRpc turns into error responses.</summary>
internal static class RpcErrors
{
    public static LocalRpcException ProtocolMismatch(int clientVersion, InitializeResult daemon) =>
        new($"the client speaks protocol {clientVersion}, this daemon speaks {daemon.ProtocolVersion}.")
        {
            ErrorCode = ErrorCodes.ProtocolMismatch,
            ErrorData = daemon,
        };

    public static LocalRpcException NotInitialized() =>
        new("call 'initialize' first.") { ErrorCode = ErrorCodes.NotInitialized };

    public static LocalRpcException NotAProject(string problem) =>
        new(problem) { ErrorCode = ErrorCodes.NotAProject };

    public static LocalRpcException ShuttingDown() =>
        new("the daemon is shutting down and takes no new work.") { ErrorCode = ErrorCodes.ShuttingDown };

    public static LocalRpcException BuildCancelled() =>
        new("the build was cancelled because the daemon is stopping.") { ErrorCode = ErrorCodes.BuildCancelled };

    public static LocalRpcException InvalidParams(string message) =>
        new(message) { ErrorCode = (int)JsonRpcErrorCode.InvalidParams };
}

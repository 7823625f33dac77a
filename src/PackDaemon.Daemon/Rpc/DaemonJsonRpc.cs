using System.Text.Json;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace PackDaemon.Daemon.Rpc;

/// <summary>
/// The daemon's JSON-RPC endpoint, as docs/protocol.md words its errors: parameters of the wrong type are -32602 with
/// a plain sentence naming the parameter, not StreamJsonRpc's default -32000 carrying a .NET exception type and stack
/// trace; any other unexpected failure is -32603 with no internals. The daemon's own errors (1001-1005) pass as thrown.
/// </summary>
internal sealed class DaemonJsonRpc(IJsonRpcMessageHandler handler) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (exception)
        {
            case LocalRpcException:
                return base.CreateErrorDetails(request, exception);
            case JsonException json:
                var where = json.Path is { Length: > 2 } path ? $"`{path[2..]}`" : "the params";
                return new JsonRpcError.ErrorDetail
                {
                    Code = JsonRpcErrorCode.InvalidParams,
                    Message = $"Invalid params for '{request.Method}': {where} has the wrong type or shape; docs/protocol.md gives each method's params.",
                };
            default:
                return new JsonRpcError.ErrorDetail
                {
                    Code = JsonRpcErrorCode.InternalError,
                    Message = $"'{request.Method}' failed inside the daemon ({exception.GetType().Name}); daemon.log has the details.",
                };
        }
    }
}

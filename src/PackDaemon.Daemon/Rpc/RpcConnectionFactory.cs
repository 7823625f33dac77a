using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PackDaemon.Protocol;
using StreamJsonRpc;

namespace PackDaemon.Daemon.Rpc;

/// <summary>Builds the JSON-RPC endpoint of one connection: LSP framing (Content-Length headers) with the frame limit,
/// and System.Text.Json through the protocol's source-generated context so the daemon writes exactly the JSON the AOT
/// CLI reads.</summary>
internal static class RpcConnectionFactory
{
    /// <summary>docs/protocol.md: a frame larger than 16 MiB closes the connection.</summary>
    public const long MaxFrameBytes = 16 * 1024 * 1024;

    private static readonly JsonSerializerOptions s_options = CreateSerializerOptions();

    public static JsonRpc Create(Stream duplex, object target)
    {
        var formatter = new SystemTextJsonFormatter { JsonSerializerOptions = s_options };
        var handler = new HeaderDelimitedMessageHandler(duplex, new FrameLimitingStream(duplex, MaxFrameBytes), formatter);
        var rpc = new DaemonJsonRpc(handler)
        {
            // A client that goes away mid-build must not cancel it: the build's result is the workspace's state, and
            // other clients are waiting on the same build.
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = false,
        };
        rpc.AddLocalRpcTarget(target, new JsonRpcTargetOptions { DisposeOnDisconnect = false });
        return rpc;
    }

    /// <summary>The protocol context first; the reflection resolver only for StreamJsonRpc's own envelope types.</summary>
    internal static JsonSerializerOptions CreateSerializerOptions() => new(ProtocolJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ProtocolJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };
}

using System.Text.Json;

namespace PackDaemon.Cli.Daemon;

/// <summary>A notification from the daemon; <see cref="Params"/> is deserialized by whoever handles
/// <see cref="Method"/>, with the matching ProtocolJsonContext type.</summary>
internal sealed record JsonRpcNotification(string Method, JsonElement Params);

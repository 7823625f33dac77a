using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PackDaemon.Cli.Daemon;

/// <summary>Builds the bytes of outgoing messages. Parameters go through a source-generated JsonTypeInfo only, so this
/// stays trim- and AOT-safe.</summary>
internal static class JsonRpcOutgoing
{
    public static byte[] Request<TParams>(long id, string method, TParams parameters, JsonTypeInfo<TParams> parametersType)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WritePropertyName("params");
            JsonSerializer.Serialize(writer, parameters, parametersType);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The answer to a request the daemon should never send us: method not found, as JSON-RPC requires.</summary>
    public static byte[] MethodNotFound(long id, string method)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteNumber("id", id);
            writer.WriteStartObject("error");
            writer.WriteNumber("code", -32601);
            writer.WriteString("message", "packd does not implement '" + method + "'.");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

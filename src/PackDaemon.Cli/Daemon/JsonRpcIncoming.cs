using System.Text.Json;

namespace PackDaemon.Cli.Daemon;

/// <summary>One parsed incoming message: a response (<see cref="Id"/> set, <see cref="Method"/> null), a
/// notification (<see cref="Method"/> set, no id) or a request from the daemon (both set).</summary>
internal sealed record JsonRpcIncoming(long? Id, string? Method, JsonElement? Params, JsonElement? Result, JsonRpcException? Error)
{
    /// <exception cref="FramingException">The frame is not a JSON-RPC object; the protocol closes the connection then.</exception>
    public static JsonRpcIncoming Parse(byte[] frame)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(frame);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new FramingException("the daemon sent malformed JSON: " + ex.Message, ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FramingException("the daemon sent a message that is not a JSON-RPC object.");
        }

        long? id = root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt64(out var n)
            ? n
            : null;
        string? method = root.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        JsonElement? parameters = root.TryGetProperty("params", out var p) ? p : null;
        JsonElement? result = root.TryGetProperty("result", out var r) ? r : null;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? ParseError(e) : null;
        if (id is null && method is null)
        {
            throw new FramingException("the daemon sent a message with neither an id nor a method.");
        }

        return new JsonRpcIncoming(id, method, parameters, result, error);
    }

    private static JsonRpcException ParseError(JsonElement error)
    {
        var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : 0;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() ?? "" : "";
        JsonElement? data = error.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d : null;
        return new JsonRpcException(code, message, data);
    }
}

using System.Text.Json;

namespace PackDaemon.Cli.Daemon;

/// <summary>The daemon answered a request with a JSON-RPC error. <see cref="Code"/> is one of
/// <see cref="PackDaemon.Protocol.ErrorCodes"/> or a JSON-RPC standard code; <see cref="ErrorData"/> is the optional payload
/// (for 1001, the daemon's InitializeResult).</summary>
internal sealed class JsonRpcException : Exception
{
    public JsonRpcException(int code, string message, JsonElement? data)
        : base(message)
    {
        Code = code;
        ErrorData = data;
    }

    public JsonRpcException()
    {
    }

    public JsonRpcException(string message)
        : base(message)
    {
    }

    public JsonRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int Code { get; }

    /// <summary>The error's <c>data</c> (not <see cref="Exception.Data"/>, which is the runtime's own dictionary).</summary>
    public JsonElement? ErrorData { get; }
}

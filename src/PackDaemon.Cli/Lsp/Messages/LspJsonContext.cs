using System.Text.Json.Serialization;

namespace PackDaemon.Cli.Lsp.Messages;

/// <summary>Source-generated JSON for what <c>packd lsp</c> sends the editor (the CLI is Native AOT: no reflection).
/// Incoming LSP messages are read with <see cref="System.Text.Json.JsonElement"/>, because packd needs only a few of
/// their many fields.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(LspInitializeResult))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(LspHover))]
[JsonSerializable(typeof(LspCodeLens[]))]
[JsonSerializable(typeof(LspMessageParams))]
internal sealed partial class LspJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace PackDaemon.Protocol;

/// <summary>Source-generated JSON for every contract type: camelCase names, nulls omitted. The AOT CLI and the daemon
/// serialize through this one context, so the wire format cannot drift between them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(WorkspaceParams))]
[JsonSerializable(typeof(WorkspaceStatus))]
[JsonSerializable(typeof(BuildParams))]
[JsonSerializable(typeof(BuildReport))]
[JsonSerializable(typeof(ExplainParams))]
[JsonSerializable(typeof(ExplainResult))]
[JsonSerializable(typeof(StatusResult))]
[JsonSerializable(typeof(ShutdownResult))]
[JsonSerializable(typeof(EmptyParams))]
[JsonSerializable(typeof(EmptyResult))]
[JsonSerializable(typeof(BuildStartedNotification))]
[JsonSerializable(typeof(DiagnosticsChangedNotification))]
[JsonSerializable(typeof(DaemonInfo))]
public sealed partial class ProtocolJsonContext : JsonSerializerContext;

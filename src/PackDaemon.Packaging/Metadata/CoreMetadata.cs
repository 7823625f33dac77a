namespace PackDaemon.Packaging.Metadata;

/// <summary>The core metadata of a distribution, already validated and normalized, ready to serialize.</summary>
public sealed record CoreMetadata(string Name, string Version);

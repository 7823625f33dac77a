namespace PackDaemon.Packaging.Metadata;

/// <summary>One <c>Provides-Extra</c> with its <c>Requires-Dist</c> lines (markers already include <c>extra == 'name'</c>).</summary>
/// <param name="Name">The PEP 685 normalized extra name.</param>
public sealed record MetadataExtra(string Name, IReadOnlyList<string> RequiresDist);

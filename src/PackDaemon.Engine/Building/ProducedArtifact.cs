using PackDaemon.Packaging.Archives;

namespace PackDaemon.Engine.Building;

/// <summary>An artifact written to its temp file (<see cref="File"/> is null for a check, which writes nothing).</summary>
internal sealed record ProducedArtifact(ArtifactInfo Info, PreparedFile? File);

using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>One source file read once for the whole build: its bytes (the sdist needs them), its wheel blob when it
/// goes into the wheel, and what the secrets guard found in it.</summary>
/// <param name="Bytes">The raw bytes, kept only for files a later step reads again (sdist members, license files).</param>
internal sealed record LoadedContent(byte[]? Bytes, CompressedBlob? WheelBlob, IReadOnlyList<SecretFinding> Findings);

namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// Present when the project builds with hatchling: the files are then chosen by hatchling 1.12's rules (see
/// docs/compatibility.md) instead of packd's own, so that the artifacts hold what hatchling's would.
/// </summary>
/// <param name="RawName">The project name as written; hatchling's default discovery tries it before the normalized name.</param>
/// <param name="SdistMetadataFiles">The readme and license files, which hatchling's sdist always carries.</param>
public sealed record HatchBuildOptions(
    HatchTargetOptions Wheel,
    HatchTargetOptions Sdist,
    string RawName,
    IReadOnlyList<string> SdistMetadataFiles)
{
    public bool Equals(HatchBuildOptions? other)
        => other is not null
            && Wheel.Equals(other.Wheel)
            && Sdist.Equals(other.Sdist)
            && string.Equals(RawName, other.RawName, StringComparison.Ordinal)
            && SdistMetadataFiles.SequenceEqual(other.SdistMetadataFiles);

    public override int GetHashCode() => HashCode.Combine(Wheel, Sdist, RawName, SdistMetadataFiles.Count);
}

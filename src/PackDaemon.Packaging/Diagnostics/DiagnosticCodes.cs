namespace PackDaemon.Packaging.Diagnostics;

/// <summary>
/// Stable diagnostic codes. Each area owns a range and a partial file, so codes never collide:
/// PD1xxx project model (pyproject.toml), PD2xxx names, versions, requirements and requirements files,
/// PD3xxx file selection (ignore files, symlinks, globs), PD4xxx secrets guard, PD5xxx artifacts and I/O.
/// </summary>
public static partial class DiagnosticCodes
{
    /// <summary>An unexpected failure while reading a file.</summary>
    public const string FileUnreadable = "PD5001";

    /// <summary>An artifact could not be written to the output folder.</summary>
    public const string ArtifactWriteFailed = "PD5002";
}

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

    /// <summary>An input (readme, license, version file, configuration, ignore file) resolves outside the project
    /// through a symlink: packd never reads it.</summary>
    public const string InputOutsideProject = "PD5003";

    /// <summary>An input or a file to package is a FIFO, socket, device node or folder: never opened.</summary>
    public const string InputNotRegularFile = "PD5004";

    /// <summary>An input is larger than packd reads for its kind; refused before it is read.</summary>
    public const string InputTooLarge = "PD5005";

    /// <summary>A selected file with several hard links that another user owns or that is private: refused.</summary>
    public const string HardLinkRefused = "PD5006";

    /// <summary>A selected file with several hard links: packaged, with a warning.</summary>
    public const string HardLinkPackaged = "PD5007";

    /// <summary>Stands for the diagnostics left out of a reply past the per-project cap, with their count.</summary>
    public const string DiagnosticsOmitted = "PD5030";

    /// <summary>The code for a refused bounded read.</summary>
    public static string ForInput(Inputs.InputProblem problem) => problem switch
    {
        Inputs.InputProblem.OutsideBoundary => InputOutsideProject,
        Inputs.InputProblem.NotRegularFile => InputNotRegularFile,
        Inputs.InputProblem.TooLarge => InputTooLarge,
        Inputs.InputProblem.Missing => ReferencedFileMissing,
        _ => FileUnreadable,
    };

    /// <summary>An artifact could not be written to the output folder.</summary>
    public const string ArtifactWriteFailed = "PD5002";
}

namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A symlink points outside the project root: it is never followed into an artifact.</summary>
    public const string SymlinkOutsideRoot = "PD3001";

    /// <summary>A symlink's target does not exist.</summary>
    public const string SymlinkDangling = "PD3002";

    /// <summary>A directory symlink leads back to one of its own ancestors: the cycle is cut.</summary>
    public const string SymlinkCycle = "PD3003";

    /// <summary>No package or module was found for the wheel.</summary>
    public const string NoPackageFound = "PD3004";

    /// <summary>A configured package path does not exist.</summary>
    public const string ExplicitPackageNotFound = "PD3005";

    /// <summary>A file the sdist must carry (pyproject.toml, readme, license...) does not exist.</summary>
    public const string SdistRequiredFileMissing = "PD3006";

    /// <summary>Two archive paths differ only by case: they collide on case-insensitive file systems.</summary>
    public const string CaseCollision = "PD3007";

    /// <summary>An ignore file or a folder could not be read.</summary>
    public const string SelectionReadFailed = "PD3008";

    /// <summary>An include or exclude glob is empty or malformed.</summary>
    public const string InvalidGlob = "PD3009";

    /// <summary>A hatchling <c>force-include</c> or <c>only-include</c> path names nothing in the tree (warning: hatchling skips it silently).</summary>
    public const string HatchPathMissing = "PD3010";
}

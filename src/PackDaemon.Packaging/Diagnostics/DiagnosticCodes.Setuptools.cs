namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A <c>[tool.setuptools]</c> file-selection option has the wrong type or an unusable value.</summary>
    public const string SetuptoolsOptionInvalid = "PD1100";

    /// <summary>A MANIFEST.in line setuptools skips with a warning (unknown command, wrong number of words).</summary>
    public const string ManifestLineInvalid = "PD3100";

    /// <summary>Automatic discovery found several top-level packages or modules in a flat layout: setuptools refuses to build.</summary>
    public const string SetuptoolsFlatLayoutAmbiguous = "PD3101";

    /// <summary>A package's folder (after <c>package-dir</c>) does not exist: setuptools stops the build.</summary>
    public const string SetuptoolsPackageDirMissing = "PD3102";

    /// <summary>A <c>py-modules</c> entry names no file: setuptools warns and builds without it.</summary>
    public const string SetuptoolsModuleMissing = "PD3103";

    /// <summary>A MANIFEST.in command matched nothing (setuptools prints the same warning).</summary>
    public const string ManifestNoMatch = "PD3104";

    /// <summary>Automatic discovery found no package and no module: setuptools builds a wheel holding only metadata.</summary>
    public const string SetuptoolsNothingDiscovered = "PD3105";

    /// <summary>Warning: a requirements file named by <c>[tool.setuptools.dynamic]</c> uses pip syntax (<c>-r</c>, an option,
    /// <c>--hash</c>) that setuptools itself cannot parse: packd reads it, <c>python -m build</c> would fail.</summary>
    public const string SetuptoolsRequirementsSyntax = "PD3106";
}

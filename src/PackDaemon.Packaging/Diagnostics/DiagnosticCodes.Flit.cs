namespace PackDaemon.Packaging.Diagnostics;

/// <summary>flit_core emulation: PD1140–PD1149 for its pyproject.toml options and module metadata, PD3140–PD3149 for its
/// file selection.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A <c>[tool.flit.*]</c> value flit_core 3.8 refuses (unknown table or key, wrong type, a path leaving the project).</summary>
    public const string FlitConfigInvalid = "PD1140";

    /// <summary>flit takes the description from the module's docstring, and the module has none (or an empty one).</summary>
    public const string FlitDocstringMissing = "PD1141";

    /// <summary>The module has no top-level <c>__version__</c> string literal packd can read without running Python.</summary>
    public const string FlitVersionNotLiteral = "PD1142";

    /// <summary>The module's source cannot be read as Python (an unterminated string, an escape packd cannot decode).</summary>
    public const string FlitModuleUnreadable = "PD1143";

    /// <summary>No file or folder is the module flit would package.</summary>
    public const string FlitModuleNotFound = "PD3140";

    /// <summary>Several files or folders could be the module (flat and src layout, package and single file).</summary>
    public const string FlitModuleAmbiguous = "PD3141";

    /// <summary>An sdist exclude pattern removes a file flit requires in the sdist (pyproject.toml, the readme, the module's
    /// own file).</summary>
    public const string FlitCrucialFileExcluded = "PD3142";
}

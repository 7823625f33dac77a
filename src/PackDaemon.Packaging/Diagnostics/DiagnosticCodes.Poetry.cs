namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A <c>[tool.poetry]</c> metadata value is missing or malformed (name, version, authors, readme...).</summary>
    public const string PoetryMetadataInvalid = "PD1150";

    /// <summary>A <c>[tool.poetry]</c> value packd cannot write the way poetry-core does (normally delegated instead).</summary>
    public const string PoetryUnsupported = "PD1151";

    /// <summary>A <c>[tool.poetry]</c> packages/include/exclude entry is malformed.</summary>
    public const string PoetryBuildInvalid = "PD1152";

    /// <summary>poetry-core's file selection refuses the tree (a package matching nothing, or with no module).</summary>
    public const string PoetrySelectionInvalid = "PD3150";
}

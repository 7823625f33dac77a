namespace PackDaemon.Packaging.Diagnostics;

/// <summary>PD1120–PD1139: declarative setup.cfg (<c>[metadata]</c>, <c>[options]</c>), read for setuptools projects
/// without a <c>[project]</c> table.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>setup.cfg is not valid INI as Python's configparser reads it (no section header, a line that is no
    /// <c>key = value</c>, a duplicate section or key).</summary>
    public const string SetupCfgSyntax = "PD1120";

    /// <summary>A <c>%</c> in a setup.cfg value that configparser's interpolation rejects or packd does not expand.</summary>
    public const string SetupCfgInterpolation = "PD1121";

    /// <summary>An unknown key in <c>[metadata]</c> or <c>[options]</c>, or an unknown <c>[options.*]</c> section.</summary>
    public const string SetupCfgUnknownKey = "PD1122";

    /// <summary>A setup.cfg value setuptools cannot parse (a dict line without <c>=</c>, a malformed <c>attr:</c>...).</summary>
    public const string SetupCfgValueInvalid = "PD1123";

    /// <summary><c>[metadata]</c> lacks <c>name</c> or <c>version</c>.</summary>
    public const string SetupCfgMetadataMissing = "PD1124";

    /// <summary>A <c>file:</c> directive names a file that is missing or outside the project.</summary>
    public const string SetupCfgFileMissing = "PD1125";

    /// <summary>A setup.cfg option packd does not emulate (the build is delegated unless <c>mode = "native"</c>).</summary>
    public const string SetupCfgUnsupported = "PD1126";

    /// <summary>setup.cfg is not UTF-8 (setuptools reads it as UTF-8).</summary>
    public const string SetupCfgNotUtf8 = "PD1127";
}

namespace PackDaemon.Packaging.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>pyproject.toml is missing or unreadable.</summary>
    public const string PyprojectMissing = "PD1001";

    /// <summary>pyproject.toml is not valid TOML.</summary>
    public const string TomlSyntax = "PD1002";

    /// <summary>The <c>[project]</c> table is missing.</summary>
    public const string ProjectTableMissing = "PD1003";

    /// <summary>A key has the wrong TOML type or shape.</summary>
    public const string FieldType = "PD1004";

    /// <summary><c>name</c> is missing or not a valid project name.</summary>
    public const string NameInvalid = "PD1005";

    /// <summary><c>version</c> is missing or not a valid PEP 440 version.</summary>
    public const string VersionInvalid = "PD1006";

    /// <summary>A single-line field (description, keyword, author...) holds a line break.</summary>
    public const string LineBreakInField = "PD1007";

    /// <summary><c>readme</c> is malformed: unknown extension, file and text together, missing content-type.</summary>
    public const string ReadmeInvalid = "PD1008";

    /// <summary>A file named by pyproject.toml does not exist or leaves the project.</summary>
    public const string ReferencedFileMissing = "PD1009";

    /// <summary>A readme, license or version file is not valid UTF-8.</summary>
    public const string FileNotUtf8 = "PD1010";

    /// <summary><c>requires-python</c> is not a valid version specifier set.</summary>
    public const string RequiresPythonInvalid = "PD1011";

    /// <summary><c>license</c> is not a valid SPDX expression, or conflicts with license classifiers or license-files.</summary>
    public const string LicenseInvalid = "PD1012";

    /// <summary>A <c>license-files</c> glob is invalid or matches no file.</summary>
    public const string LicenseFilesInvalid = "PD1013";

    /// <summary>An <c>authors</c>/<c>maintainers</c> entry is malformed.</summary>
    public const string PersonInvalid = "PD1014";

    /// <summary>A keyword holds a comma (core metadata joins keywords with commas).</summary>
    public const string KeywordInvalid = "PD1015";

    /// <summary>A <c>urls</c> label is longer than 32 characters or the URL is not absolute.</summary>
    public const string UrlInvalid = "PD1016";

    /// <summary>A dependency is not a valid PEP 508 requirement.</summary>
    public const string DependencyInvalid = "PD1017";

    /// <summary>An extra name is invalid or collides with another after PEP 685 normalization.</summary>
    public const string ExtraInvalid = "PD1018";

    /// <summary>An entry point group, name or object reference is invalid.</summary>
    public const string EntryPointInvalid = "PD1019";

    /// <summary>A <c>dynamic</c> rule of PEP 621 is broken (name dynamic, key both static and dynamic).</summary>
    public const string DynamicInvalid = "PD1020";

    /// <summary>A key is in <c>dynamic</c> but packd cannot compute it without running the backend.</summary>
    public const string DynamicUnsupported = "PD1021";

    /// <summary>A dynamic version could not be read from its source file.</summary>
    public const string DynamicVersionNotFound = "PD1022";

    /// <summary>A dynamic version is computed by code rather than a string literal.</summary>
    public const string DynamicVersionComputed = "PD1023";

    /// <summary>Unknown key in <c>[tool.packd]</c> (warning).</summary>
    public const string ToolPackdUnknownKey = "PD1024";

    /// <summary>A <c>[tool.packd]</c> value is invalid.</summary>
    public const string ToolPackdInvalid = "PD1025";

    /// <summary>Unknown key in <c>[project]</c> (warning).</summary>
    public const string ProjectUnknownKey = "PD1026";

    /// <summary>A requirements-file configuration (setuptools dynamic, hatch-requirements-txt) is malformed.</summary>
    public const string RequirementsFileConfigInvalid = "PD1027";

    /// <summary><c>import-names</c>/<c>import-namespaces</c> are invalid.</summary>
    public const string ImportNameInvalid = "PD1028";

    /// <summary>The license expression uses an SPDX identifier that SPDX has deprecated (warning).</summary>
    public const string LicenseDeprecatedId = "PD1029";

    /// <summary>The version has a local label (<c>+abc</c>), which PyPI refuses (warning).</summary>
    public const string VersionHasLocalLabel = "PD1030";

    /// <summary>A <c>[tool.hatch.build]</c> file-selection option is malformed.</summary>
    public const string HatchBuildInvalid = "PD1031";

    /// <summary>A <c>[tool.hatch.build]</c> option that packd does not emulate natively.</summary>
    public const string HatchBuildUnsupported = "PD1032";
}

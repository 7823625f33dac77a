namespace PackDaemon.Packaging.Diagnostics;

/// <summary>PD2xxx: names, versions, requirements and requirements files.</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A project name does not match the name-format rule.</summary>
    public const string InvalidProjectName = "PD2001";

    /// <summary>A version is not a valid PEP 440 version.</summary>
    public const string InvalidVersion = "PD2002";

    /// <summary>A dependency specifier (PEP 508) does not parse or breaks a publishing rule (markers, specifiers).</summary>
    public const string InvalidRequirement = "PD2003";

    /// <summary>An extra name is invalid, or two extras collide after PEP 685 normalization.</summary>
    public const string InvalidExtraName = "PD2004";

    /// <summary>A license expression is not a valid SPDX expression of known identifiers.</summary>
    public const string InvalidLicenseExpression = "PD2005";

    /// <summary>A version carries a local label (<c>+abc</c>), which PyPI refuses.</summary>
    public const string LocalVersionLabel = "PD2006";

    /// <summary>A requirements file (the root or a <c>-r</c> include) does not exist.</summary>
    public const string RequirementsFileNotFound = "PD2010";

    /// <summary>A <c>-r</c> include points outside the project root (or is a URL).</summary>
    public const string RequirementsIncludeOutsideRoot = "PD2011";

    /// <summary>A <c>-r</c> include closes a cycle; it is reported once and not followed.</summary>
    public const string RequirementsIncludeCycle = "PD2012";

    /// <summary>An editable install line (<c>-e</c>/<c>--editable</c>) cannot become a Requires-Dist.</summary>
    public const string RequirementsEditable = "PD2013";

    /// <summary>A local path or <c>file:</c> URL cannot become a Requires-Dist that works on another machine.</summary>
    public const string RequirementsLocalPath = "PD2014";

    /// <summary>A pip option (index, find-links, binary, pre...) has no place in package metadata.</summary>
    public const string RequirementsPipOption = "PD2015";

    /// <summary>A <c>-c</c> constraints file cannot be expressed in metadata.</summary>
    public const string RequirementsConstraint = "PD2016";

    /// <summary>A VCS or archive URL without a project name.</summary>
    public const string RequirementsUnnamedUrl = "PD2017";

    /// <summary>Warning: a <c>name @ url</c> direct reference; PyPI refuses uploads that carry one.</summary>
    public const string RequirementsDirectUrl = "PD2018";

    /// <summary>The same project is required twice under the same marker with different text.</summary>
    public const string RequirementsConflictingDuplicate = "PD2019";

    /// <summary>A per-requirement option other than <c>--hash</c>, or an unknown option.</summary>
    public const string RequirementsUnsupportedOption = "PD2020";

    /// <summary>A <c>${VAR}</c> reference; metadata must not depend on the build machine's environment.</summary>
    public const string RequirementsEnvironmentVariable = "PD2021";

    /// <summary>A requirements file is not valid UTF-8 text.</summary>
    public const string RequirementsFileEncoding = "PD2022";

    /// <summary>A <c>--hash</c> that pip refuses: not <c>algorithm:digest</c>, or an algorithm other than sha256,
    /// sha384 or sha512.</summary>
    public const string RequirementsInvalidHash = "PD2023";
}

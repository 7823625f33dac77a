namespace PackDaemon.Packaging.Diagnostics;

/// <summary>pdm-backend's and uv_build's options and layout rules (PD1170-PD1189 project model, PD3170-PD3189 selection).</summary>
public static partial class DiagnosticCodes
{
    /// <summary>A <c>[tool.pdm.build]</c> option is malformed (a pattern leaving the project, an unknown wheel-data scheme).</summary>
    public const string PdmBuildInvalid = "PD1170";

    /// <summary><c>[tool.pdm.version]</c> with <c>source = "file"</c> is malformed, or its file holds no <c>__version__ = "..."</c> line.</summary>
    public const string PdmVersionInvalid = "PD1171";

    /// <summary>A <c>[tool.uv.build-backend]</c> option is malformed (not a portable glob, a path leaving the project, an invalid module name).</summary>
    public const string UvBuildInvalid = "PD1175";

    /// <summary>A pdm-backend <c>includes</c>, <c>source-includes</c> or <c>wheel-data</c> pattern names nothing in the tree
    /// (warning: pdm-backend skips it silently, so the artifact lacks what was meant).</summary>
    public const string PdmPatternMatchesNothing = "PD3170";

    /// <summary>uv_build's module is missing: no <c>__init__.py</c> (<c>__init__.pyi</c> for stubs) where module-root and
    /// module-name point. uv_build refuses to build then, and so does packd.</summary>
    public const string UvModuleMissing = "PD3175";

    /// <summary>A dotted uv_build <c>module-name</c> whose parent folder holds an <c>__init__.py</c>: not a namespace.</summary>
    public const string UvNotANamespace = "PD3176";

    /// <summary>A <c>[tool.uv.build-backend.data]</c> folder does not exist (uv_build fails walking it).</summary>
    public const string UvDataFolderMissing = "PD3177";

    /// <summary>uv_build's <c>source-exclude</c> excludes pyproject.toml, which uv_build refuses.</summary>
    public const string UvPyprojectExcluded = "PD3178";
}

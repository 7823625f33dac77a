namespace PackDaemon.Packaging.Scripts;

/// <summary>
/// How a wheel entry's bytes differ from its source file. Almost every entry is the file as it is; the exception is a
/// script installed to the environment's <c>bin/</c>, whose python shebang the backend rewrites to <c>#!python</c> so
/// the installer can point it at the target interpreter (the binary distribution format's "recommended installer
/// features"). Each backend rewrites by its own rule, so the rule travels with the entry.
/// </summary>
public enum ScriptRewrite
{
    /// <summary>The entry is the file's bytes.</summary>
    None = 0,

    /// <summary>setuptools' <c>build_scripts</c> (script-files, setup.cfg <c>scripts</c>): see <see cref="ShebangRewriter.Setuptools"/>.</summary>
    SetuptoolsBuildScripts = 1,

    /// <summary>hatchling's wheel <c>shared-scripts</c>: see <see cref="ShebangRewriter.Hatchling"/>.</summary>
    HatchlingSharedScripts = 2,
}

using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// Present when the project builds with <c>setuptools.build_meta</c>: the files are then chosen by setuptools 66's
/// rules (package discovery, <c>build_py</c>'s modules and package data, the <c>MANIFEST.in</c> file list; see
/// docs/compatibility.md). Read only from the <c>[tool.setuptools]</c> table, keyed as pyproject spells it (a declarative
/// setup.cfg is translated into that table before it gets here).
/// </summary>
/// <param name="Packages">An explicit <c>packages</c> list (dotted names); null when not given.</param>
/// <param name="Find"><c>packages.find</c>; null when not given.</param>
/// <param name="PackageDir"><c>package-dir</c>: dotted package name (<c>""</c> = the root package) to project-relative folder.</param>
/// <param name="PyModules">An explicit <c>py-modules</c> list; null when not given.</param>
/// <param name="IncludePackageData">Default true in pyproject.toml (setup.cfg's translation writes its false explicitly).</param>
public sealed record SetuptoolsBuildOptions(
    IReadOnlyList<string>? Packages,
    SetuptoolsPackageFind? Find,
    IReadOnlyList<KeyValuePair<string, string>> PackageDir,
    IReadOnlyList<string>? PyModules,
    IReadOnlyList<SetuptoolsPatterns> PackageData,
    IReadOnlyList<SetuptoolsPatterns> ExcludePackageData,
    bool IncludePackageData,
    IReadOnlyList<SetuptoolsPatterns> DataFiles,
    IReadOnlyList<string> ScriptFiles) : BackendRules
{
    public override string BackendName => "setuptools";

    /// <summary>The project's escaped name and version: data-files and script-files go to <c>&lt;dist&gt;-&lt;ver&gt;.data/</c>.</summary>
    public string DataFolder { get; init; } = string.Empty;

    internal override SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics)
        => new SetuptoolsSelector(options, this, diagnostics).Run();

    /// <summary>script-files pass through build_scripts, which rewrites a python shebang.</summary>
    internal override Scripts.ScriptRewrite WheelRewrite(string wheelPath)
        => wheelPath.AsSpan().StartsWith(DataFolder, StringComparison.Ordinal) && wheelPath.AsSpan(DataFolder.Length).StartsWith("/scripts/", StringComparison.Ordinal)
            ? Scripts.ScriptRewrite.SetuptoolsBuildScripts
            : Scripts.ScriptRewrite.None;

    public bool Equals(SetuptoolsBuildOptions? other)
        => other is not null
            && SameList(Packages, other.Packages)
            && Equals(Find, other.Find)
            && PackageDir.SequenceEqual(other.PackageDir)
            && SameList(PyModules, other.PyModules)
            && PackageData.SequenceEqual(other.PackageData)
            && ExcludePackageData.SequenceEqual(other.ExcludePackageData)
            && IncludePackageData == other.IncludePackageData
            && DataFiles.SequenceEqual(other.DataFiles)
            && ScriptFiles.SequenceEqual(other.ScriptFiles)
            && DataFolder == other.DataFolder;

    public override int GetHashCode() => HashCode.Combine(Packages?.Count, PackageDir.Count, PackageData.Count, IncludePackageData, DataFolder);

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
        => a is null ? b is null : b is not null && a.SequenceEqual(b);
}

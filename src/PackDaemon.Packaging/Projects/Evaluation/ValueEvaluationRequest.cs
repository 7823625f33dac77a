namespace PackDaemon.Packaging.Projects.Evaluation;

/// <summary>
/// One metadata value the project's backend would compute by importing a module of the project: packd does not run
/// Python in this layer, so the loader hands this to an <see cref="IValueEvaluator"/> (the Engine's warm worker).
/// </summary>
/// <param name="What">The metadata field, e.g. <c>version</c>; also the suffix of the mode <c>native+evaluated:version</c>.</param>
/// <param name="Expression">What the configuration names, e.g. <c>pkg.__version__</c>.</param>
/// <param name="ModuleName">The import name the backend gives the module (<c>pkg</c>, <c>pkg.about</c>).</param>
/// <param name="ModuleFile">The module's file, relative to the root (<c>src/pkg/__init__.py</c>).</param>
/// <param name="SourceRoot">The folder put first on <c>sys.path</c>, relative to the root (<c>""</c>, <c>src</c>).</param>
/// <param name="Attribute">The attribute read from the module (<c>__version__</c>).</param>
/// <param name="DependsOn">Every file whose content can change the value, relative to the root, sorted: the module
/// file and each <c>.py</c> of the top-level package it lives in. The value is cached until one of them changes.</param>
/// <param name="WatchedFolder">The top-level package folder with a trailing <c>/</c> (a new <c>.py</c> in it can change
/// the value too), or null for a single-file module.</param>
public sealed record ValueEvaluationRequest(
    string What,
    string Expression,
    string ModuleName,
    string ModuleFile,
    string SourceRoot,
    string Attribute,
    ValueConvention Convention,
    IReadOnlyList<string> DependsOn,
    string? WatchedFolder)
{
    /// <summary>Identity of the question, independent of the answer's inputs: the cache key's first half.</summary>
    public string Key => $"{What}|{Convention}|{SourceRoot}|{ModuleName}|{ModuleFile}|{Attribute}";

}

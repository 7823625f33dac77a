using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// What hatchling 1.12 will do for one target, resolved from the options and the tree: the packages (configured or
/// discovered), the include, exclude and artifact patterns, the explicit roots to walk, the prefix rewrites and the
/// forced files. Built once per selection; <see cref="HatchTargetSelector"/> applies it to every file.
/// </summary>
internal sealed partial class HatchTargetPlan
{
    /// <summary>Folder names hatchling never enters, at any depth (hatchling's own list, not packd's).</summary>
    public static readonly FrozenSet<string> ExcludedDirectories = FrozenSet.Create(
        StringComparer.Ordinal, "__pycache__", "__pypackages__", ".git", ".hg", ".hatch", ".tox", ".nox");

    /// <summary><see cref="ExcludedDirectories"/> looked up by span: the checks run once per file and path segment.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExcludedDirectoryLookup =
        ExcludedDirectories.GetAlternateLookup<ReadOnlySpan<char>>();

    private HatchTargetPlan(string target)
    {
        Target = target;
    }

    /// <summary><c>wheel</c> or <c>sdist</c>.</summary>
    public string Target { get; }

    public IReadOnlyList<string> Packages { get; private set; } = [];

    /// <summary>Null: every file is included (no include pattern and no package).</summary>
    public HatchPatternSet? Include { get; private set; }

    public HatchPatternSet Exclude { get; private set; } = HatchPatternSet.Create([]);

    public HatchPatternSet Artifacts { get; private set; } = HatchPatternSet.Create([]);

    /// <summary>When not empty, only these files and folders are walked (hatchling's "explicit" walk).</summary>
    public IReadOnlyList<string> OnlyInclude { get; private set; } = [];

    /// <summary>Sorted by prefix, ordinal: hatchling tries them in that order and the first prefix that matches wins.</summary>
    public IReadOnlyList<HatchPathMapping> Sources { get; private set; } = [];

    /// <summary>Sorted as hatchling sorts them: by the target's depth, then the target, then the source.</summary>
    public IReadOnlyList<HatchPathMapping> ForceInclude { get; private set; } = [];

    /// <summary>Sources of forced files inside the project: the normal walks skip them, so a file is not added twice.</summary>
    public IReadOnlySet<string> Reserved { get; private set; } = new HashSet<string>();

    /// <summary>wheel: <c>shared-data</c>, sorted like <see cref="ForceInclude"/>; the artifact path is under <see cref="SharedDataPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> SharedData { get; private set; } = [];

    /// <summary>wheel: <c>extra-metadata</c>, sorted like <see cref="ForceInclude"/>; under <see cref="ExtraMetadataPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> ExtraMetadata { get; private set; } = [];

    public string SharedDataPrefix { get; private set; } = "";

    /// <summary>wheel: <c>shared-scripts</c>, sorted like <see cref="ForceInclude"/>; under <see cref="SharedScriptsPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> SharedScripts { get; private set; } = [];

    public string SharedScriptsPrefix { get; private set; } = "";

    public string ExtraMetadataPrefix { get; private set; } = "";

    public bool OnlyPackages { get; private set; }

    /// <summary>How the wheel's contents were found when nothing was configured, for explanations.</summary>
    public string? Discovery { get; private set; }

    /// <param name="fileExists">True for a project-relative path of a file in the tree.</param>
    /// <param name="vcsPatterns">The lines of the .gitignore hatchling uses, already tagged with their origin.</param>
    /// <param name="forcedByBuild">Files the target itself forces in (the sdist's pyproject.toml, readme, licenses...).</param>
    public static HatchTargetPlan Resolve(
        string target,
        HatchTargetOptions options,
        IReadOnlyList<string> discoveryNames,
        Func<string, bool> fileExists,
        IReadOnlyList<string> topLevelFolders,
        IReadOnlyList<(string Line, int LineNumber, string Origin)> vcsPatterns,
        IReadOnlyList<HatchPathMapping> forcedByBuild)
    {
        var plan = new HatchTargetPlan(target) { OnlyPackages = options.OnlyPackages };
        string location = $"[tool.hatch.build.targets.{target}] or [tool.hatch.build]";

        string[] defaultInclude = [], defaultExclude = [], defaultPackages = [], defaultOnlyInclude = [];
        bool includeDefined = options.Include is { Count: > 0 } || options.Packages is { Count: > 0 } || options.OnlyInclude is { Count: > 0 };
        if (target == "wheel" && !includeDefined)
        {
            (defaultInclude, defaultExclude, defaultPackages, defaultOnlyInclude, plan.Discovery) = Discover(discoveryNames, fileExists, topLevelFolders);
        }

        var packages = (options.Packages ?? defaultPackages).Order(StringComparer.Ordinal).ToList();
        plan.Packages = packages;

        var includeLines = new List<(string, int, string)>();
        foreach (string pattern in options.Include ?? defaultInclude)
        {
            includeLines.Add((pattern, includeLines.Count + 1, $"include in {location}"));
        }

        foreach (string package in packages)
        {
            includeLines.Add(($"/{package}/", includeLines.Count + 1, "package"));
        }

        plan.Include = includeLines.Count > 0 ? HatchPatternSet.Create(includeLines) : null;

        // hatchling always leaves out compiled files and its own output folder, before the user's patterns.
        var excludeLines = new List<(string, int, string)> { ("*.py[cdo]", 1, "hatchling's default exclude"), ("/dist", 2, "hatchling's default exclude") };
        foreach (string pattern in options.Exclude ?? defaultExclude)
        {
            excludeLines.Add((pattern, excludeLines.Count + 1, options.Exclude is null ? "hatchling's default exclude" : $"exclude in {location}"));
        }

        if (!options.IgnoreVcs)
        {
            excludeLines.AddRange(vcsPatterns);
        }

        plan.Exclude = HatchPatternSet.Create(excludeLines);
        plan.Artifacts = HatchPatternSet.Create(options.Artifacts.Select((p, i) => (p, i + 1, $"artifacts in {location}")));

        var onlyInclude = options.OnlyInclude is { Count: > 0 } configured ? configured
            : defaultOnlyInclude.Length > 0 ? defaultOnlyInclude
            : packages;
        plan.OnlyInclude = onlyInclude.Distinct(StringComparer.Ordinal).ToList();

        plan.Sources = ResolveSources(options.Sources, packages);
        plan.ForceInclude = ResolveForceInclude(options.ForceInclude, forcedByBuild);
        plan.Reserved = new HashSet<string>(plan.ForceInclude.Select(static m => m.Source), StringComparer.Ordinal);
        plan.SharedData = ResolveForceInclude(options.SharedData, []);
        plan.ExtraMetadata = ResolveForceInclude(options.ExtraMetadata, []);
        plan.SharedDataPrefix = options.SharedDataPrefix;
        plan.SharedScripts = ResolveForceInclude(options.SharedScripts, []);
        plan.SharedScriptsPrefix = options.SharedScriptsPrefix;
        plan.ExtraMetadataPrefix = options.ExtraMetadataPrefix;
        return plan;
    }

    /// <summary>hatchling's <c>get_distribution_path</c>: the first matching source prefix is replaced.</summary>
    public string DistributionPath(string relativePath)
    {
        foreach (var source in Sources)
        {
            if (relativePath.StartsWith(source.Source, StringComparison.Ordinal))
            {
                return string.Concat(source.Target, relativePath.AsSpan(source.Source.Length));
            }
        }

        return relativePath;
    }

    public bool IsReserved(string relativePath) => Reserved.Contains(relativePath);

    /// <summary>True when an ancestor folder of the path is reserved or one hatchling never enters.</summary>
    public bool IsInSkippedFolder(string relativePath, bool checkReserved)
    {
        for (int slash = relativePath.IndexOf('/'); slash > 0; slash = relativePath.IndexOf('/', slash + 1))
        {
            int start = relativePath.LastIndexOf('/', slash - 1) + 1;
            if (ExcludedDirectoryLookup.Contains(relativePath.AsSpan(start, slash - start))
                || (checkReserved && Reserved.Count > 0 && Reserved.Contains(relativePath[..slash])))
            {
                return true;
            }
        }

        return false;
    }

    // The wheel's default file selection (WheelBuilderConfig.set_default_file_selection): the first name whose
    // package, src package or module exists wins; else a single */name/__init__.py names a namespace folder; else
    // every .py file except test*.
    private static (string[] Include, string[] Exclude, string[] Packages, string[] OnlyInclude, string Discovery) Discover(
        IReadOnlyList<string> names, Func<string, bool> fileExists, IReadOnlyList<string> topLevelFolders)
    {
        foreach (string name in names)
        {
            if (fileExists($"{name}/__init__.py"))
            {
                return ([], [], [name], [], $"package {name}/ found by hatchling's default discovery");
            }

            if (fileExists($"src/{name}/__init__.py"))
            {
                return ([], [], [$"src/{name}"], [], $"package src/{name}/ found by hatchling's default discovery");
            }

            if (fileExists($"{name}.py"))
            {
                return ([], [], [], [$"{name}.py"], $"module {name}.py found by hatchling's default discovery");
            }

            var namespaces = topLevelFolders.Where(folder => fileExists($"{folder}/{name}/__init__.py")).ToList();
            if (namespaces.Count == 1)
            {
                return ([], [], [namespaces[0]], [], $"namespace folder {namespaces[0]}/ found by hatchling's default discovery");
            }
        }

        return (["*.py"], ["test*"], [], [], "no package named after the project: hatchling's fallback takes every *.py file except test*");
    }

    private static List<HatchPathMapping> ResolveSources(IReadOnlyList<HatchPathMapping> configured, List<string> packages)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in configured)
        {
            sources[mapping.Source] = mapping.Target;
        }

        // A package below a folder is shipped from that folder: src/app is written as app.
        foreach (string package in packages)
        {
            int slash = package.LastIndexOf('/');
            if (slash > 0 && !sources.ContainsKey(package + "/"))
            {
                sources[package[..(slash + 1)]] = string.Empty;
            }
        }

        return sources.OrderBy(static s => s.Key, StringComparer.Ordinal).Select(static s => new HatchPathMapping(s.Key, s.Value)).ToList();
    }

    private static List<HatchPathMapping> ResolveForceInclude(IReadOnlyList<HatchPathMapping> configured, IReadOnlyList<HatchPathMapping> forcedByBuild)
    {
        // The target's own forced files come last and win for the same source, as hatchling's dict update does.
        var bySource = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var mapping in configured.Concat(forcedByBuild))
        {
            if (!bySource.ContainsKey(mapping.Source))
            {
                order.Add(mapping.Source);
            }

            bySource[mapping.Source] = mapping.Target;
        }

        return order
            .Select(source => new HatchPathMapping(source, bySource[source]))
            .OrderBy(static m => m.Target.Count(static c => c == '/'))
            .ThenBy(static m => m.Target, StringComparer.Ordinal)
            .ThenBy(static m => m.Source, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>hatchling's <c>normalize_file_name_component</c>: runs of characters other than letters, digits,
    /// underscores and dots become one underscore.</summary>
    public static string FileNameComponent(string name) => NonNameCharacters().Replace(name, "_");

    [GeneratedRegex(@"[^\w\d.]+")]
    private static partial Regex NonNameCharacters();
}

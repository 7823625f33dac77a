namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>
/// hatchling's file-selection settings for one build target, after the target's table
/// (<c>[tool.hatch.build.targets.wheel]</c>) has overridden <c>[tool.hatch.build]</c> key by key, as hatchling does.
/// A null list means "not configured", which is not the same as an empty one: the wheel's default discovery only runs
/// when neither <c>include</c>, <c>packages</c> nor <c>only-include</c> holds anything.
/// </summary>
public sealed record HatchTargetOptions
{
    public static HatchTargetOptions Empty { get; } = new();

    /// <summary>Project-relative package folders, normalized.</summary>
    public IReadOnlyList<string>? Packages { get; init; }

    public IReadOnlyList<string>? Include { get; init; }

    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>Project-relative files or folders, normalized.</summary>
    public IReadOnlyList<string>? OnlyInclude { get; init; }

    public IReadOnlyList<string> Artifacts { get; init; } = [];

    /// <summary>Prefix rewrites as configured (the list form maps each prefix to the empty string).</summary>
    public IReadOnlyList<HatchPathMapping> Sources { get; init; } = [];

    public IReadOnlyList<HatchPathMapping> ForceInclude { get; init; } = [];

    /// <summary>wheel only: <c>shared-data</c>, source to path under <see cref="SharedDataPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> SharedData { get; init; } = [];

    /// <summary>wheel only: <c>extra-metadata</c>, source to path under <see cref="ExtraMetadataPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> ExtraMetadata { get; init; } = [];

    /// <summary>wheel only: <c>shared-scripts</c> (hatchling 1.24+), source to path under <see cref="SharedScriptsPrefix"/>.</summary>
    public IReadOnlyList<HatchPathMapping> SharedScripts { get; init; } = [];

    /// <summary><c>&lt;dist&gt;-&lt;version&gt;.data/scripts/</c>: where hatchling puts shared-scripts.</summary>
    public string SharedScriptsPrefix { get; init; } = "";

    /// <summary><c>&lt;dist&gt;-&lt;version&gt;.data/data/</c>: where hatchling 1.12 puts shared-data in the wheel.</summary>
    public string SharedDataPrefix { get; init; } = "";

    /// <summary><c>&lt;dist&gt;-&lt;version&gt;.dist-info/extra_metadata/</c>: where hatchling 1.12 puts extra-metadata.</summary>
    public string ExtraMetadataPrefix { get; init; } = "";

    public bool OnlyPackages { get; init; }

    /// <summary><c>ignore-vcs</c>: when set, .gitignore does not exclude anything.</summary>
    public bool IgnoreVcs { get; init; }

    // The daemon re-selects when the options differ, so equality must compare the lists' contents, not references.
    public bool Equals(HatchTargetOptions? other)
        => other is not null
            && SameList(Packages, other.Packages)
            && SameList(Include, other.Include)
            && SameList(Exclude, other.Exclude)
            && SameList(OnlyInclude, other.OnlyInclude)
            && Artifacts.SequenceEqual(other.Artifacts)
            && Sources.SequenceEqual(other.Sources)
            && ForceInclude.SequenceEqual(other.ForceInclude)
            && SharedData.SequenceEqual(other.SharedData)
            && ExtraMetadata.SequenceEqual(other.ExtraMetadata)
            && SharedScripts.SequenceEqual(other.SharedScripts)
            && SharedScriptsPrefix == other.SharedScriptsPrefix
            && SharedDataPrefix == other.SharedDataPrefix
            && ExtraMetadataPrefix == other.ExtraMetadataPrefix
            && OnlyPackages == other.OnlyPackages
            && IgnoreVcs == other.IgnoreVcs;

    public override int GetHashCode() => HashCode.Combine(Packages?.Count, Include?.Count, Exclude?.Count, OnlyInclude?.Count, Artifacts.Count, OnlyPackages);

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b)
        => a is null ? b is null : b is not null && a.SequenceEqual(b);
}

using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Projects;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Everything one project's builds carry from one to the next: the file index, the compressed blobs, the last loaded
/// project and selection, and what was last published. A clean build starts from an empty state and leaves it full.
/// Only the build thread touches it.
/// </summary>
internal sealed class BuildState
{
    private SelectionLookup? _lookup;

    /// <summary>Files by path relative to the root: every file selected for an artifact plus the selection and
    /// metadata inputs (ignore files, pyproject.toml, readme...).</summary>
    public Dictionary<string, IndexedFile> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>Wheel blobs by content: a rebuild copies these instead of deflating again.</summary>
    public Dictionary<BlobKey, CompressedBlob> Blobs { get; } = [];

    public LoadedProject? Project { get; set; }

    /// <summary>What loading <see cref="Project"/> reported (warnings): repeated by every build that reuses it.</summary>
    public IReadOnlyList<Packaging.Diagnostics.Diagnostic> ProjectDiagnostics { get; set; } = [];

    public FileSelection? Selection { get; set; }

    /// <summary><see cref="Selection"/> by source path, built on first use after each walk.</summary>
    public SelectionLookup Lookup => _lookup is { } lookup && ReferenceEquals(lookup.Selection, Selection)
        ? lookup
        : _lookup = new SelectionLookup(Selection ?? throw new InvalidOperationException("no selection yet"));

    /// <summary>Files whose last scan found something, so reporting secrets does not visit every file.</summary>
    public HashSet<string> FilesWithFindings { get; } = new(StringComparer.Ordinal);

    /// <summary>What the walk behind <see cref="Selection"/> reported (warnings): repeated by every build that reuses it.</summary>
    public IReadOnlyList<Packaging.Diagnostics.Diagnostic> SelectionDiagnostics { get; set; } = [];

    /// <summary>Files met after a re-selection that were not selected (ignored, excluded): an edit to one of them
    /// cannot change an artifact, so its hint needs no walk. Cleared whenever the rules may have changed.</summary>
    public HashSet<string> KnownUnselected { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether artifacts are flushed to disk (fsync) before their rename (<see cref="Building.ArtifactDurability"/>).
    /// Not persisted: it is how this builder publishes, not part of what it built.</summary>
    public bool DurableArtifacts { get; set; } = Building.ArtifactDurability.Requested;

    /// <summary>The request whose artifacts were last published; another request rebuilds them.</summary>
    public Building.BuildRequest? PublishedFor { get; set; }

    /// <summary>The request the cached blobs and segments were last completed for (which artifacts, which timestamp):
    /// another request checks every selected file's cache entries, not just the hinted ones.</summary>
    public Building.BuildRequest? PreparedFor { get; set; }

    /// <summary>By kind (<c>wheel</c>, <c>sdist</c>).</summary>
    public Dictionary<string, PublishedArtifact> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>The artifacts as last laid out, patched in place by plain edits.</summary>
    public PlanCache? Plans { get; set; }

    /// <summary>True when the published artifacts hold exactly <see cref="Plans"/> and the index has taken in nothing
    /// since: only then may a plain edit compare its few patched entries instead of every entry.</summary>
    public bool PublishedInSync { get; set; }

    /// <summary>RECORD rows and compressed chunks of the last wheel (memory only: cheap to rebuild after a restart).</summary>
    public Building.RecordCache Records { get; } = new();

    /// <summary>The last sdist's compressed member groups (memory only: rebuilt from the member segments after a restart).</summary>
    public SdistGroupCache SdistGroups { get; } = new();

    /// <summary>Hash states part-way through the last wheel (memory only); null for a state that serves one build.</summary>
    public Building.HashCheckpoints? WheelHashes { get; private init; } = new();

    /// <summary>Hash states part-way through the last sdist (memory only); null for a state that serves one build.</summary>
    public Building.HashCheckpoints? SdistHashes { get; private init; } = new();

    /// <summary>A state for a one-shot build, which has no next build to save work for: no hash checkpoints (their keys
    /// cost ~5% of a 20,000-file one-shot build's CPU).</summary>
    public static BuildState ForOneBuild() => new() { WheelHashes = null, SdistHashes = null, OneShot = true };

    /// <summary>A one-shot build's state, thrown away after it: inputs are checked on their open descriptors as they are
    /// read (<see cref="InputVerifier.ChangedSinceWalk"/>), not by a re-stat of every path once all are read.</summary>
    public bool OneShot { get; private init; }

    /// <summary>Set when anything changed since the state was last persisted.</summary>
    public bool Dirty { get; set; }

    /// <summary>True while the project and selection are known good for the files on disk as the index sees them.</summary>
    public bool IsWarm => Project is not null && Selection is not null;

    /// <summary>Forgets the project and selection (but not the index or blobs), so the next build loads and walks again.</summary>
    public void Invalidate()
    {
        PublishedInSync = false;
        Project = null;
        Selection = null;
        KnownUnselected.Clear();
    }

    /// <summary>Drops blobs and sdist segments no selected file refers to any more, so the cache does not grow with
    /// every edit. Runs after a build, on the state that build left.</summary>
    public void Sweep(IReadOnlySet<BlobKey> live)
    {
        if (Blobs.Count > live.Count)
        {
            foreach (var key in Blobs.Keys.ToList())
            {
                if (!live.Contains(key))
                {
                    Blobs.Remove(key);
                }
            }
        }
    }
}

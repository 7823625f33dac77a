using PackDaemon.Engine.Building;

namespace PackDaemon.Engine.Incremental;

/// <summary>One incremental build: the ordinary <see cref="BuildResult"/> plus what the incremental engine did.</summary>
/// <param name="ChangedFiles">Files whose content (hash) or presence actually changed since the previous build: a
/// touch or an identical save counts 0.</param>
/// <param name="ChangedEntries">Entries of each rewritten artifact that are new or hold other bytes than in the
/// artifact it replaces, in archive order: wheel entries by wheel path (RECORD is listed whenever the wheel is
/// rewritten), then sdist members by their path in the tar, top folder included (<c>name-1.0/pkg/x.py</c>). A
/// one-file edit gives that file's wheel entry, RECORD and its sdist member. Empty when nothing was rewritten. The first
/// build of a builder (and the first after a restart, whose cache keeps no entry list) lists every entry.</param>
/// <param name="UpToDate">Nothing changed: no artifact was rewritten.</param>
/// <param name="ReconcileMs">Time spent re-stat'ing the hinted paths and hashing the selection and metadata inputs
/// among them; re-reading a changed source file is counted in the read phase, where its hash and compression share one read.</param>
public sealed record IncrementalBuildResult(
    BuildResult Result,
    int ChangedFiles,
    IReadOnlyList<string> ChangedEntries,
    bool UpToDate,
    long ReconcileMs);

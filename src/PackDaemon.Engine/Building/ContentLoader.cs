using System.Collections.Concurrent;
using System.Security.Cryptography;
using PackDaemon.Engine.Incremental;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Scripts;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Reads, hashes, scans and compresses files, in parallel on all cores. Each file is read once per build even when
/// both artifacts carry it, and only the work the cache cannot answer is done: a file whose hash did not change is not
/// scanned again, a blob or segment already cached is not compressed again.
/// </summary>
internal static class ContentLoader
{
    // A write this close after the one we saw can keep the same mtime (the kernel stamps files from a clock that ticks
    // every few milliseconds), so such a stamp is not trusted to prove the bytes unchanged (git's "racily clean").
    private const long RacyWindowNs = 100_000_000;

    public static IReadOnlyList<LoadedContent> Load(
        IReadOnlyList<LoadWork> work,
        BuildState state,
        DateTimeOffset timestamp,
        SecretsGuard guard,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken,
        ConcurrentQueue<string>? vanished = null)
    {
        if (work.Count == 0)
        {
            return [];
        }

        long tarMtime = SdistWriter.TarMtime(timestamp);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };

        // Largest first: a few big files (bundled JS, images) otherwise end up alone on one core at the end.
        // (Sorted by key rather than through LINQ's stable OrderBy: the order only spreads the work, and the results
        // are taken by slot.)
        var ordered = work.ToArray();
        if (ordered.Length > 1)
        {
            var largestFirst = new long[ordered.Length];
            for (int i = 0; i < ordered.Length; i++)
            {
                largestFirst[i] = -ordered[i].SizeHint;
            }

            Array.Sort(largestFirst, ordered);
        }

        uint effectiveUid = Statx.EffectiveUserId;

        // One slot per file, filled by whichever worker takes it: no shared collection to contend on or grow.
        var results = new LoadedContent?[ordered.Length];
        Parallel.ForEach(Partitioner.Create(ordered, loadBalance: true), options, (item, _, index) =>
        {
            if (UnpackableName(item.RelativePath) is { } nameProblem)
            {
                diagnostics.Error(DiagnosticCodes.ArchivePathInvalid, $"'{item.RelativePath}' {nameProblem.Problem}", item.RelativePath,
                    fix: nameProblem.Fix + ", or exclude it with [tool.packd] exclude.");
                return;
            }

            state.Files.TryGetValue(item.RelativePath, out var known);
            FileStamp stamp;
            ReadOnlySpan<byte> content;
            bool changedSinceWalk;
            try
            {
                content = Read(item, state.OneShot, out stamp, out changedSinceWalk);
            }
            catch (Exception ex) when (vanished is not null && ex is FileNotFoundException or DirectoryNotFoundException)
            {
                // Gone between the walk and the read (vim's backup file~, a save by rename): the tree moved, which is a
                // reason to reconcile again, never a failed build.
                vanished.Enqueue(item.RelativePath);
                return;
            }
            catch (NotRegularFileException)
            {
                // Packaged as an empty file before: a wheel that installs an empty "socket" is never what was meant.
                diagnostics.Error(
                    DiagnosticCodes.InputNotRegularFile,
                    $"'{item.RelativePath}' is a FIFO, socket or device node, not a file; packd refuses to package it.",
                    item.RelativePath,
                    fix: "Move it out of the package folder, or exclude it with [tool.packd] exclude (or .gitignore).");
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(
                    DiagnosticCodes.FileUnreadable,
                    $"cannot read '{item.RelativePath}': {ex.Message}",
                    item.RelativePath,
                    fix: "Make the file readable, or exclude it with [tool.packd] exclude.");
                return;
            }

            // A hard link shares its inode with a name that may be outside the project. A walked file was checked with
            // the selection; one re-read without a walk (an edit, perhaps a new link) is stat'ed once more here.
            if (item.Walked is null)
            {
                HardLinkCheck.Check(item.RelativePath, Statx.Path(item.FullPath), effectiveUid, diagnostics);
            }
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(content, digest);
            var sha = Sha256Value.From(digest);
            bool changed = known is null || known.Sha256 != sha;
            var findings = !changed && known!.Findings is { } cached ? cached : guard.Scan(item.RelativePath, content);

            CompressedBlob? blob = null;
            if (item.WheelName is not null && !state.Blobs.ContainsKey(BlobKey.For(sha, item.WheelName, item.WheelRewrite)))
            {
                if (item.WheelRewrite == ScriptRewrite.None)
                {
                    blob = EntryCompressor.CompressHashed(item.WheelName, content, sha.ToArray());
                }
                else if (RewriteScript(item, content, diagnostics) is { } rewritten)
                {
                    blob = EntryCompressor.CompressHashed(item.WheelName, rewritten, SHA256.HashData(rewritten));
                }
                else
                {
                    return;
                }
            }

            SdistSegment? segment = null;
            SegmentKey? segmentFor = null;
            if (item.SdistMember is not null)
            {
                var key = new SegmentKey(item.SdistMember, item.Executable, tarMtime, sha);
                if (known?.SegmentFor != key)
                {
                    segment = SdistWriter.CompressMember(item.SdistMember, content, item.Executable, timestamp);
                    segmentFor = key;
                }
            }

            long nowNs = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
            bool racy = nowNs - stamp.MtimeNs < RacyWindowNs;
            results[index] = new LoadedContent(item, stamp, sha, racy, changed, findings, blob, segment, segmentFor) { ChangedSinceWalk = changedSinceWalk };
        });

        var loaded = new List<LoadedContent>(results.Length);
        foreach (var content in results)
        {
            if (content is not null)
            {
                loaded.Add(content);
            }
        }

        return loaded;
    }

    /// <summary>Folds what the parallel loop produced into the index and the blob cache (one thread, after the loop,
    /// so a cancelled build leaves the state as it was).</summary>
    public static void Merge(BuildState state, IReadOnlyList<LoadedContent> loaded)
    {
        // Sized once: a first build adds 20,000 entries to each, which grew them a dozen times over.
        state.Files.EnsureCapacity(state.Files.Count + loaded.Count);
        state.Blobs.EnsureCapacity(state.Blobs.Count + loaded.Count);
        foreach (var content in loaded)
        {
            if (!state.Files.TryGetValue(content.Work.RelativePath, out var entry))
            {
                entry = new IndexedFile(content.Stamp, content.Sha256);
                state.Files[content.Work.RelativePath] = entry;
            }

            entry.Stamp = content.Stamp;
            entry.Sha256 = content.Sha256;
            entry.Racy = content.Racy;
            entry.Findings = content.Findings;
            if (content.Findings.Count > 0)
            {
                state.FilesWithFindings.Add(content.Work.RelativePath);
            }
            else
            {
                state.FilesWithFindings.Remove(content.Work.RelativePath);
            }

            if (content.WheelBlob is not null)
            {
                state.Blobs[BlobKey.For(content.Sha256, content.Work.WheelName!, content.Work.WheelRewrite)] = content.WheelBlob;
            }

            if (content.Segment is not null)
            {
                entry.Segment = content.Segment;
                entry.SegmentFor = content.SegmentFor;
            }
            else if (content.ContentChanged)
            {
                entry.Segment = null;
                entry.SegmentFor = null;
            }

            state.Dirty = true;
        }
    }

    /// <returns>The script as the backend writes it into the wheel; null after an error was reported.</returns>
    private static byte[]? RewriteScript(LoadWork item, ReadOnlySpan<byte> content, DiagnosticBag diagnostics)
    {
        try
        {
            return ShebangRewriter.Apply(item.WheelRewrite, content);
        }
        catch (System.Text.DecoderFallbackException)
        {
            diagnostics.Error(
                DiagnosticCodes.FileUnreadable,
                $"the script '{item.RelativePath}' has a python shebang but is not valid UTF-8, so its shebang cannot be rewritten as the backend would.",
                item.RelativePath,
                fix: "Save the script as UTF-8, or set [tool.packd] mode = \"delegate\" to build with the backend itself.");
            return null;
        }
    }

    /// <param name="recheck">A one-shot build: compare the open descriptor's stamp with the walk's once the bytes are in
    /// (<see cref="InputVerifier.ChangedSinceWalk"/>), instead of the post-build re-stat of every path.</param>
    private static ReadOnlySpan<byte> Read(LoadWork item, bool recheck, out FileStamp stamp, out bool changedSinceWalk)
    {
        changedSinceWalk = false;
        if (item.Walked is { } walked)
        {
            // This attempt's walk stat'ed the file before anything was read: that stat is the stamp (a write after it
            // shows in the post-build check, or for a one-shot build in the descriptor check right after the read),
            // so the read needs no stat of its own. An empty file or a FIFO, socket or device is not opened at all.
            stamp = FileStatus.ToStamp(walked);
            if (walked.Kind == NodeKind.Other)
            {
                throw new NotRegularFileException();
            }

            return walked.Kind == NodeKind.File && walked.Size > 0
                ? SourceReader.ReadWalked(item.FullPath, walked.Size, recheck ? stamp : null, out changedSinceWalk)
                : [];
        }

        if (item.SizeHint == 0)
        {
            // Never opened while the walk saw it empty: besides empty files, this is what a FIFO, socket or device node
            // looks like to .NET, and opening a FIFO for reading blocks until some other process writes to it.
            var kind = FileStatus.Stat(item.FullPath, out stamp);
            if (kind == FileStatus.Kind.Missing)
            {
                throw new FileNotFoundException($"'{item.FullPath}' no longer exists.");
            }

            if (kind == FileStatus.Kind.Other)
            {
                throw new NotRegularFileException();
            }

            if (kind != FileStatus.Kind.File || stamp.Size == 0)
            {
                return [];
            }
        }

        return SourceReader.ReadIntoThreadBuffer(item.FullPath, item.SizeHint, out stamp);
    }

    /// <summary>Why a name cannot go into an archive, or null. .NET turns bytes that are not UTF-8 into U+FFFD, so such
    /// a file "no longer exists" when opened by that name; a backslash is a separator to zip readers on Windows.</summary>
    private static (string Problem, string Fix)? UnpackableName(string relativePath)
        => relativePath.Contains('\uFFFD', StringComparison.Ordinal)
            ? ("has a name that is not valid UTF-8 (shown with \uFFFD); wheels and sdists store names as UTF-8, so packd cannot package it.",
                "Rename it to UTF-8 (convmv -f latin1 -t utf8 converts a folder of Latin-1 names)")
            : relativePath.Contains('\\', StringComparison.Ordinal)
                ? ("has a backslash in its name, which installers on Windows read as a folder separator; packd cannot package it.", "Rename it without the backslash")
                : null;

    /// <summary>A selected path that names a FIFO, socket or device node: never opened, refused with a diagnostic.</summary>
    private sealed class NotRegularFileException : IOException;
}

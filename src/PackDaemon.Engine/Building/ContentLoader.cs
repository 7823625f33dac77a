using System.Collections.Concurrent;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Reads, scans, hashes and compresses every selected file, in parallel on all cores. Each distinct file is read
/// once even when both artifacts carry it: reading and deflating dominate a build, so nothing is done twice.
/// </summary>
internal static class ContentLoader
{
    public static IReadOnlyDictionary<string, LoadedContent> Load(
        IReadOnlyList<SourceFile> files,
        IReadOnlySet<string> wheelSources,
        IReadOnlySet<string> retainedSources,
        SecretsGuard guard,
        DiagnosticBag diagnostics)
    {
        var results = new ConcurrentDictionary<string, LoadedContent>(Environment.ProcessorCount, files.Count, StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Largest first: a few big files (bundled JS, images) otherwise end up alone on one core at the end.
        var ordered = files.OrderByDescending(f => f.Size).ToArray();
        Parallel.ForEach(Partitioner.Create(ordered, loadBalance: true), options, file =>
        {
            bool retain = retainedSources.Contains(file.RelativePath);
            byte[]? retained = null;
            ReadOnlySpan<byte> content;
            try
            {
                if (file.Size == 0)
                {
                    // Never opened: besides empty files, this is what a FIFO, socket or device node looks like to
                    // .NET, and opening a FIFO for reading blocks until some other process writes to it.
                    retained = retain ? [] : null;
                    content = [];
                }
                else if (retain)
                {
                    retained = SourceReader.ReadAll(file.FullPath);
                    content = retained;
                }
                else
                {
                    // Bytes nobody needs after this call go through one reused buffer per thread: fresh memory costs
                    // a page fault per 4 KB here, which on this kind of VM was a tenth of a wheel build.
                    content = SourceReader.ReadIntoThreadBuffer(file.FullPath, file.Size);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(
                    DiagnosticCodes.FileUnreadable,
                    $"cannot read '{file.RelativePath}': {ex.Message}",
                    file.RelativePath,
                    fix: "Make the file readable, or exclude it with [tool.packd] exclude.");
                return;
            }

            var findings = guard.Scan(file.RelativePath, content);
            CompressedBlob? blob = null;
            if (wheelSources.Contains(file.RelativePath))
            {
                blob = retained is null
                    ? EntryCompressor.Compress(file.RelativePath, content)
                    : EntryCompressor.Compress(file.RelativePath, retained);
            }

            results[file.RelativePath] = new LoadedContent(retained, blob, findings);
        });

        return results;
    }
}

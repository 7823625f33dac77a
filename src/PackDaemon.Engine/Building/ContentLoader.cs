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
        SecretsGuard guard,
        DiagnosticBag diagnostics)
    {
        var results = new ConcurrentDictionary<string, LoadedContent>(Environment.ProcessorCount, files.Count, StringComparer.Ordinal);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Largest first: a few big files (bundled JS, images) otherwise end up alone on one core at the end.
        var ordered = files.OrderByDescending(f => f.Size).ToArray();
        Parallel.ForEach(Partitioner.Create(ordered, loadBalance: true), options, file =>
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file.FullPath);
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

            var findings = guard.Scan(file.RelativePath, bytes);
            var blob = wheelSources.Contains(file.RelativePath) ? EntryCompressor.Compress(file.RelativePath, bytes) : null;
            results[file.RelativePath] = new LoadedContent(bytes, blob, findings);
        });

        return results;
    }
}

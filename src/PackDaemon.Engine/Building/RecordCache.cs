using System.IO.Hashing;
using System.Runtime.InteropServices;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Engine.Building;

/// <summary>
/// Builds the wheel's RECORD entry from cached rows and cached compressed chunks: a 20,000-entry RECORD is 1.6 MB of
/// text, and formatting and deflating it whole took longer than everything else in a one-file rebuild.
/// </summary>
/// <remarks>
/// Rows are split into chunks at content-defined boundaries (after a row whose name hashes to 0 mod 128, or after
/// 1,024 rows), so adding or removing a file disturbs one chunk rather than every chunk after it. Each chunk is deflated
/// on its own (<see cref="DeflateSegment"/>) and the entry is their concatenation closed by a final empty block, with
/// the CRC-32 combined from the chunks'. A clean build uses this same code with an empty cache, so both give the same bytes.
/// The blob's <see cref="CompressedBlob.Sha256"/> is left empty: RECORD lists itself without a hash and nothing else reads it.
/// </remarks>
internal sealed class RecordCache
{
    private const int BoundaryMask = 127;
    private const int MaxRowsPerChunk = 1024;

    private Dictionary<string, CachedRow> _rows = new(StringComparer.Ordinal);
    private Dictionary<byte[], Chunk> _chunksByFirstRow = new(ReferenceEqualityComparer.Instance);
    private byte[][] _lastRows = [];
    private string[] _lastNames = [];
    private CompressedBlob[] _lastBlobs = [];
    private List<(int Start, int End)> _lastBounds = [];

    public CompressedBlob Build(IReadOnlyList<(string Name, CompressedBlob Blob, bool Executable)> entries, string recordPath, CancellationToken cancellationToken)
    {
        bool sameNames = SameNamesAsLastTime(entries, recordPath);
        var (rows, names) = sameNames ? PatchRows(entries) : FreshRows(entries, recordPath);
        _lastRows = rows;
        _lastNames = names;
        _lastBlobs = new CompressedBlob[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            _lastBlobs[i] = entries[i].Blob;
        }

        // Boundaries depend on the names only: the same names split the same way.
        var bounds = sameNames ? _lastBounds : Split(names);
        _lastBounds = bounds;
        var chunks = new List<Chunk>(bounds.Count);
        foreach (var (start, end) in bounds)
        {
            chunks.Add(new Chunk(rows[start..end], [], 0, 0));
        }

        var fresh = new List<int>();
        for (int i = 0; i < chunks.Count; i++)
        {
            if (!Reusable(chunks[i].Rows, out var cached))
            {
                fresh.Add(i);
            }
            else
            {
                chunks[i] = cached;
            }
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, fresh.Count, options, k => chunks[fresh[k]] = Compress(chunks[fresh[k]].Rows));

        var byFirst = new Dictionary<byte[], Chunk>(chunks.Count, ReferenceEqualityComparer.Instance);
        long deflatedLength = DeflateSegment.FinalBlock.Length;
        long length = 0;
        uint crc = 0;
        foreach (var chunk in chunks)
        {
            byFirst[chunk.Rows[0]] = chunk;
            deflatedLength += chunk.Deflated.Length;
            crc = Crc32Combination.Combine(crc, chunk.Crc32, chunk.Length);
            length += chunk.Length;
        }

        _chunksByFirstRow = byFirst;
        var data = GC.AllocateUninitializedArray<byte>((int)deflatedLength);
        int at = 0;
        foreach (var chunk in chunks)
        {
            chunk.Deflated.CopyTo(data, at);
            at += chunk.Deflated.Length;
        }

        DeflateSegment.FinalBlock.CopyTo(data.AsSpan(at));
        return new CompressedBlob(crc, length, [], data, ZipCompression.Deflated);
    }

    /// <summary>After a plain edit the entries are the same names in the same order (the cached plan, patched):
    /// compare by reference, no hashing.</summary>
    private bool SameNamesAsLastTime(IReadOnlyList<(string Name, CompressedBlob Blob, bool Executable)> entries, string recordPath)
    {
        if (_lastNames.Length != entries.Count + 1 || !string.Equals(_lastNames[^1], recordPath, StringComparison.Ordinal))
        {
            return false;
        }

        for (int i = 0; i < entries.Count; i++)
        {
            if (!ReferenceEquals(_lastNames[i], entries[i].Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Last build's rows, with a new row only where the entry's blob is not the same object as before.</summary>
    private (byte[][] Rows, string[] Names) PatchRows(IReadOnlyList<(string Name, CompressedBlob Blob, bool Executable)> entries)
    {
        var rows = (byte[][])_lastRows.Clone();
        for (int i = 0; i < entries.Count; i++)
        {
            var (name, blob, _) = entries[i];
            if (!ReferenceEquals(blob, _lastBlobs[i]))
            {
                var row = new CachedRow(blob.Sha256, blob.UncompressedSize, RecordWriter.Row(name, blob.Sha256, blob.UncompressedSize));
                _rows[name] = row;
                rows[i] = row.Bytes;
            }
        }

        return (rows, _lastNames);
    }

    private (byte[][] Rows, string[] Names) FreshRows(IReadOnlyList<(string Name, CompressedBlob Blob, bool Executable)> entries, string recordPath)
    {
        var rows = new byte[entries.Count + 1][];
        var names = new string[entries.Count + 1];
        var liveRows = new Dictionary<string, CachedRow>(entries.Count + 1, StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            var (name, blob, _) = entries[i];
            if (!_rows.TryGetValue(name, out var row) || row.Size != blob.UncompressedSize || !row.Sha256.AsSpan().SequenceEqual(blob.Sha256))
            {
                row = new CachedRow(blob.Sha256, blob.UncompressedSize, RecordWriter.Row(name, blob.Sha256, blob.UncompressedSize));
            }

            liveRows[name] = row;
            rows[i] = row.Bytes;
            names[i] = name;
        }

        if (!_rows.TryGetValue(recordPath, out var self))
        {
            self = new CachedRow([], 0, RecordWriter.SelfRow(recordPath));
        }

        liveRows[recordPath] = self;
        rows[^1] = self.Bytes;
        names[^1] = recordPath;
        _rows = liveRows;
        return (rows, names);
    }

    private static List<(int Start, int End)> Split(string[] names)
    {
        var bounds = new List<(int, int)>(names.Length / (BoundaryMask + 1) + 2);
        int start = 0;
        for (int i = 0; i < names.Length; i++)
        {
            if (i == names.Length - 1 || i - start + 1 >= MaxRowsPerChunk || IsBoundary(names[i]))
            {
                bounds.Add((start, i + 1));
                start = i + 1;
            }
        }

        return bounds;
    }

    // A hash of the name alone (XxHash3 with a fixed seed: the same in every process), so boundaries move only with names.
    private static bool IsBoundary(string name)
        => (XxHash3.HashToUInt64(MemoryMarshal.AsBytes(name.AsSpan())) & BoundaryMask) == 0;

    private bool Reusable(byte[][] rows, out Chunk cached)
    {
        if (!_chunksByFirstRow.TryGetValue(rows[0], out cached!) || cached.Rows.Length != rows.Length)
        {
            return false;
        }

        for (int i = 1; i < rows.Length; i++)
        {
            if (!ReferenceEquals(rows[i], cached.Rows[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static Chunk Compress(byte[][] rows)
    {
        int length = 0;
        foreach (var row in rows)
        {
            length += row.Length;
        }

        var text = GC.AllocateUninitializedArray<byte>(length);
        int at = 0;
        foreach (var row in rows)
        {
            row.CopyTo(text, at);
            at += row.Length;
        }

        return new Chunk(rows, DeflateSegment.Compress(text, [], 0), Crc32.HashToUInt32(text), length);
    }

    private sealed record CachedRow(byte[] Sha256, long Size, byte[] Bytes);

    private sealed record Chunk(byte[][] Rows, byte[] Deflated, uint Crc32, long Length);
}

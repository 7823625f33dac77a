using System.IO.Hashing;
using System.Security.Cryptography;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// Persists the state in <c>.packd_cache/</c> under the project root (never selected: the walk skips that folder), so a
/// restarted daemon verifies files by stat instead of hashing and compressing them all again.
/// </summary>
/// <remarks>
/// <para>Two files. <c>blobs.pack</c> holds compressed wheel blobs and sdist segments back to back, appended after
/// each build (one file instead of 40,000 small ones); it starts with a magic and a random id. <c>index.bin</c> holds
/// the file index, where each blob and segment sits in the pack with an XxHash3 of its bytes, the published artifacts,
/// and the pack id and length it describes; it ends with a SHA-256 of everything before it, and is replaced whole via a
/// temp file and a rename (AtomicFile). The pack is rewritten (temp file and rename, with a new id) when dead records
/// outweigh live ones.</para>
/// <para>Nothing is trusted: a wrong magic, version, pack id or checksum, a record outside the pack or whose bytes do
/// not hash as recorded, or any read error discards the whole cache, and the build starts cold. A crash between the
/// pack append and the index rename leaves records the index does not know, which the next compaction drops.</para>
/// </remarks>
internal sealed partial class CacheStore
{
    private const string FolderName = ".packd_cache";
    private const string IndexName = "index.bin";
    private const string PackName = "blobs.pack";
    private const int FormatVersion = 3; // 2: blob keys carry the script rewrite; 3: stamps carry the ctime
    private static readonly byte[] s_indexMagic = "PKDIDX\r\n"u8.ToArray();
    private static readonly byte[] s_packMagic = "PKDPACK\n"u8.ToArray();
    private const int PackHeaderLength = 8 + 16;

    private readonly string _folder;

    // Where each blob and segment already in the pack sits, by reference: only new ones are appended.
    private readonly Dictionary<object, PackRecord> _packed = new(ReferenceEqualityComparer.Instance);
    private byte[] _packId = [];
    private long _packLength;

    public CacheStore(string projectRoot)
    {
        _folder = Path.Combine(projectRoot, FolderName);
    }

    public string? LoadOutcome { get; private set; }

    private string IndexPath => Path.Combine(_folder, IndexName);

    private string PackPath => Path.Combine(_folder, PackName);

    /// <summary>Fills an empty state from disk, or leaves it empty and says why.</summary>
    public void Load(BuildState state)
    {
        if (!File.Exists(IndexPath))
        {
            LoadOutcome = null;
            return;
        }

        try
        {
            byte[] index = File.ReadAllBytes(IndexPath);
            byte[] pack = File.ReadAllBytes(PackPath);
            LoadOutcome = Read(index, pack, state);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or InvalidDataException or ArgumentException)
        {
            LoadOutcome = $"discarded: {ex.Message}";
        }

        if (LoadOutcome != "loaded")
        {
            Discard(state);
        }
    }

    public void Save(CacheSnapshot snapshot)
    {
        Directory.CreateDirectory(_folder);
        string ignore = Path.Combine(_folder, ".gitignore");
        if (!File.Exists(ignore))
        {
            File.WriteAllText(ignore, "*\n");
        }

        var owners = LiveOwners(snapshot);
        long liveBytes = 0;
        foreach (var (_, bytes) in owners)
        {
            liveBytes += bytes.Length;
        }

        if (_packId.Length == 0 || !File.Exists(PackPath) || _packLength - PackHeaderLength > 2 * liveBytes + (1 << 20))
        {
            RewritePack(owners);
        }
        else
        {
            try
            {
                AppendToPack(owners);
            }
            catch (IOException)
            {
                // The pack changed under us (truncated, replaced): start a fresh one rather than fail every save.
                RewritePack(owners);
            }
        }

        Packaging.Archives.AtomicFile.Write(IndexPath, stream => Write(snapshot, stream));
    }

    private static List<(object Owner, ReadOnlyMemory<byte> Bytes)> LiveOwners(CacheSnapshot snapshot)
    {
        var owners = new List<(object, ReadOnlyMemory<byte>)>(snapshot.Files.Count + snapshot.Blobs.Count);
        foreach (var (_, blob) in snapshot.Blobs)
        {
            owners.Add((blob, blob.Data));
        }

        foreach (var file in snapshot.Files)
        {
            if (file.Segment is { } segment)
            {
                owners.Add((segment, segment.Deflated));
            }
        }

        return owners;
    }

    private void RewritePack(List<(object Owner, ReadOnlyMemory<byte> Bytes)> owners)
    {
        _packed.Clear();
        _packId = RandomNumberGenerator.GetBytes(16);
        long offset = PackHeaderLength;
        Packaging.Archives.AtomicFile.Write(PackPath, stream =>
        {
            stream.Write(s_packMagic);
            stream.Write(_packId);
            foreach (var (owner, bytes) in owners)
            {
                if (_packed.ContainsKey(owner))
                {
                    continue;
                }

                stream.Write(bytes.Span);
                _packed[owner] = new PackRecord(offset, bytes.Length, XxHash3.HashToUInt64(bytes.Span));
                offset += bytes.Length;
            }
        });
        _packLength = offset;
    }

    private void AppendToPack(List<(object Owner, ReadOnlyMemory<byte> Bytes)> owners)
    {
        using var stream = new FileStream(PackPath, FileMode.Open, FileAccess.Write, FileShare.None, 1 << 16);
        if (stream.Length < _packLength)
        {
            throw new IOException("the blob pack is shorter than recorded");
        }

        // Anything past the recorded length is a torn append the index never referenced: overwrite it.
        stream.SetLength(_packLength);
        stream.Position = _packLength;
        long offset = _packLength;
        foreach (var (owner, bytes) in owners)
        {
            if (_packed.ContainsKey(owner))
            {
                continue;
            }

            stream.Write(bytes.Span);
            _packed[owner] = new PackRecord(offset, bytes.Length, XxHash3.HashToUInt64(bytes.Span));
            offset += bytes.Length;
        }

        stream.Flush(flushToDisk: true);
        _packLength = offset;
    }

    private void Discard(BuildState state)
    {
        state.Files.Clear();
        state.FilesWithFindings.Clear();
        state.Blobs.Clear();
        state.Published.Clear();
        state.PublishedFor = null;
        state.PreparedFor = null;
        _packed.Clear();
        _packId = [];
        _packLength = 0;
        try
        {
            File.Delete(IndexPath);
            File.Delete(PackPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Rewritten whole by the next save anyway.
        }
    }

    private readonly record struct PackRecord(long Offset, int Length, ulong Check);
}

using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace PackDaemon.Engine.Building;

/// <summary>
/// SHA-256 states part-way through the last artifact of one kind, so the next build of it hashes only from the last
/// unchanged point on. A save rewrites the whole 15-30 MB archive (the bytes must all reach the new file), but hashing
/// them was half of that cost: about 10 ms per 15 MB here, against 3-5 ms to write them.
/// </summary>
/// <remarks>
/// A checkpoint is a pure memo, not a claim about any file on disk: "a byte stream whose prefix up to boundary i has
/// key K has this hash state after its first N bytes". The key of boundary i is a rolling digest of everything the
/// bytes before it depend on (<see cref="Next(UInt128, ReadOnlySpan{byte})"/>), computed by the assembler from its plan,
/// so a match proves the prefix identical without reading it. Kept in memory only; a restarted daemon hashes its first
/// artifact in full.
/// </remarks>
internal sealed class HashCheckpoints(long spacing = HashCheckpoints.DefaultSpacing)
{
    /// <summary>Output bytes between checkpoints: at most this much is hashed again in front of the first change,
    /// and a 30 MB artifact keeps ~120 states of a few hundred bytes each.</summary>
    public const long DefaultSpacing = 256 * 1024;

    private List<HashCheckpoint> _checkpoints = [];

    public long Spacing { get; } = spacing;

    public int Count => _checkpoints.Count;

    private UInt128[] _keyBuffer = [];

    /// <summary>A buffer for one write's boundary keys, reused from write to write: on a 20,000-entry wheel a new one
    /// per save is a 320 KB large-object allocation, which in a daemon soon costs a full collection.</summary>
    public ArraySegment<UInt128> KeyBuffer(int length)
    {
        if (_keyBuffer.Length < length)
        {
            _keyBuffer = new UInt128[length + (length / 4)];
        }

        return new ArraySegment<UInt128>(_keyBuffer, 0, length);
    }

    /// <summary>In write order.</summary>
    public IReadOnlyList<HashCheckpoint> Checkpoints => _checkpoints;

    /// <summary>The key of boundary 0, before the first byte: what every byte of the artifact depends on.</summary>
    public static UInt128 Start(string kind, long timestamp)
    {
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(buffer, timestamp);
        return Next(XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(kind)), buffer);
    }

    /// <summary>The key of the next boundary: this one's key and what the bytes between them depend on.</summary>
    public static UInt128 Next(UInt128 key, ReadOnlySpan<byte> dependsOn)
    {
        // One static hash over key + data: no hasher object per boundary (20,000 of them on a large wheel).
        int length = 16 + dependsOn.Length;
        byte[]? rented = length > 512 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> buffer = rented is null ? stackalloc byte[512] : rented;
        BinaryPrimitives.WriteUInt128BigEndian(buffer, key);
        dependsOn.CopyTo(buffer[16..]);
        var next = XxHash128.HashToUInt128(buffer[..length]);
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }

        return next;
    }

    /// <summary>The furthest checkpoint whose boundary has the same key in <paramref name="keys"/> (one key per boundary,
    /// boundary i being before item i), or null when the new artifact shares no recorded prefix with the last one.</summary>
    public HashCheckpoint? FindResumePoint(IReadOnlyList<UInt128> keys)
    {
        for (int i = _checkpoints.Count - 1; i >= 0; i--)
        {
            var checkpoint = _checkpoints[i];
            if (checkpoint.Boundary < keys.Count && keys[checkpoint.Boundary] == checkpoint.Key)
            {
                return checkpoint;
            }
        }

        return null;
    }

    /// <summary>Keeps the checkpoints of the artifact just written (those before its resume point are still valid: its
    /// prefix is the same bytes). Called only once the write completed, so a failed write leaves the old memo.</summary>
    public void Replace(List<HashCheckpoint> checkpoints)
    {
        var old = _checkpoints;
        _checkpoints = checkpoints;
        foreach (var checkpoint in old)
        {
            if (!checkpoints.Contains(checkpoint))
            {
                checkpoint.Hash.Dispose();
            }
        }
    }
}

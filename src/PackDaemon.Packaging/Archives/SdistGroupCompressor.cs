using System.IO.Compression;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Turns the segments of consecutive members (<see cref="SdistWriter.CompressMember"/>) into one segment for the group
/// (<see cref="SdistGrouping"/>): their tar bytes deflated together, so later members are compressed against the
/// window of earlier ones. Safe to call in parallel.
/// </summary>
/// <remarks>
/// The members' tar bytes are recovered by inflating their cached segments rather than read again from the tree: the
/// files were read once, when the inputs were checked, and a build reads nothing after that. Inflating is several
/// times cheaper than deflating, so this adds little to a group's cost.
/// </remarks>
public static class SdistGroupCompressor
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    /// <summary>One segment holding the members' tar bytes in order. A single member's own segment is returned as-is.</summary>
    public static SdistSegment Compress(IReadOnlyList<SdistSegment> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A group has at least one member.", nameof(members));
        }

        if (members.Count == 1)
        {
            return members[0];
        }

        long total = 0;
        uint crc = 0;
        foreach (var member in members)
        {
            total += member.TarLength;
            crc = Crc32Combination.Combine(crc, member.Crc32, member.TarLength);
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentException($"A group of {total} tar bytes is too large to deflate in one piece.", nameof(members));
        }

        var buffer = t_buffer is { } existing && existing.Length >= total ? existing : new byte[Math.Max(total, 64 * 1024)];
        int offset = 0;
        foreach (var member in members)
        {
            Inflate(member, buffer.AsSpan(offset, (int)member.TarLength));
            offset += (int)member.TarLength;
        }

        var deflated = DeflateSegment.Compress(buffer.AsSpan(0, offset), [], 0);
        // Keep the per-thread buffer for ordinary groups (the cap keeps them small); not a one-off huge one.
        t_buffer = buffer.Length <= 4 * SdistGrouping.GroupCapBytes ? buffer : null;
        return new SdistSegment(deflated, crc, total);
    }

    /// <summary>Recovers a segment's tar bytes into <paramref name="destination"/> (exactly its tar length).</summary>
    public static void Inflate(SdistSegment segment, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (destination.Length != segment.TarLength)
        {
            throw new ArgumentException("The destination must be the segment's tar length.", nameof(destination));
        }

        // A segment ends with a sync flush and no final block; closing it with the empty final block makes it a
        // complete raw deflate stream the reader can end cleanly.
        var complete = new byte[segment.Deflated.Length + DeflateSegment.FinalBlock.Length];
        segment.Deflated.Span.CopyTo(complete);
        DeflateSegment.FinalBlock.CopyTo(complete.AsSpan(segment.Deflated.Length));
        using var inflate = new DeflateStream(new MemoryStream(complete, writable: false), CompressionMode.Decompress);
        inflate.ReadExactly(destination);
        if (inflate.ReadByte() != -1)
        {
            throw new InvalidDataException("An sdist segment holds more bytes than its tar length says.");
        }
    }
}

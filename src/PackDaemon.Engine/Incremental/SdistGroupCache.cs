using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Engine.Incremental;

/// <summary>
/// The compressed groups of the last sdist (<see cref="SdistGrouping"/>), by the digest of their members'
/// <see cref="SegmentKey"/>s: a rebuild copies every group whose members are unchanged and re-deflates the others.
/// Memory only, like the RECORD cache: after a restart the groups are rebuilt from the persisted member segments,
/// which gives the same bytes.
/// </summary>
internal sealed class SdistGroupCache
{
    private Dictionary<Sha256Value, SdistSegment> _groups = [];

    public int Count => _groups.Count;

    /// <summary>Digest of the members' keys, in order: everything a group's bytes depend on.</summary>
    public static Sha256Value KeyOf(ReadOnlySpan<SegmentKey> members)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> fixedPart = stackalloc byte[4 + 1 + 8 + 32];
        foreach (var member in members)
        {
            byte[] path = Encoding.UTF8.GetBytes(member.MemberPath);
            // Length-prefixed, so no two different member lists hash the same bytes.
            BinaryPrimitives.WriteInt32BigEndian(fixedPart, path.Length);
            fixedPart[4] = member.Executable ? (byte)1 : (byte)0;
            BinaryPrimitives.WriteInt64BigEndian(fixedPart[5..], member.TarMtime);
            member.Content.WriteTo(fixedPart[13..]);
            hash.AppendData(fixedPart);
            hash.AppendData(path);
        }

        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Sha256Value.From(digest);
    }

    public bool TryGet(Sha256Value key, out SdistSegment segment) => _groups.TryGetValue(key, out segment!);

    /// <summary>Keeps exactly these groups (the last sdist's), so the cache does not grow with every edit.</summary>
    public void Replace(Dictionary<Sha256Value, SdistSegment> groups) => _groups = groups;
}

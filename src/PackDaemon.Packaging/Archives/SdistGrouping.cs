using System.Text;

namespace PackDaemon.Packaging.Archives;

/// <summary>
/// Decides which consecutive tar members of an sdist share one deflate segment (see <see cref="SdistWriter"/>).
/// </summary>
/// <remarks>
/// <para>
/// A segment starts with an empty window, so a segment per member loses everything deflate would have learnt from
/// the previous files (headers, boilerplate). Segments of about <see cref="PathBoundaryOdds"/> members give the window
/// something to work with, while an edit still recompresses one small group instead of the archive.
/// </para>
/// <para>
/// The rule, applied to members in archive order:
/// a member whose tar bytes exceed <see cref="LoneMemberBytes"/> is a group of its own (it fills the window by itself,
/// and re-deflating it beside neighbours would make every edit of a neighbour pay for it);
/// a group is closed before a member that would take it past <see cref="GroupCapBytes"/> (bounds the work of one edit);
/// and a group is closed after a member whose path hashes to 0 modulo <see cref="PathBoundaryOdds"/>.
/// </para>
/// <para>
/// Why edits stay local: path boundaries depend only on paths, so they do not move when content changes. Between two
/// of them the other boundaries depend only on the sizes of the members in that stretch, so a content edit, even one
/// that crosses the cap or the lone-member size, can move boundaries only inside its own stretch (about
/// <see cref="PathBoundaryOdds"/> members). Adding or removing a file likewise changes only its stretch. The hash is
/// FNV-1a over the UTF-8 member path, the same on every machine and runtime (never <c>string.GetHashCode</c>, which
/// is randomized per process), then mixed so its low bits are usable.
/// </para>
/// </remarks>
public static class SdistGrouping
{
    /// <summary>One member in this many ends its group by its path alone.</summary>
    public const int PathBoundaryOdds = 32;

    /// <summary>A group's tar bytes stay at or under this, unless it is one member.</summary>
    public const long GroupCapBytes = 256 * 1024;

    /// <summary>A member whose tar bytes exceed this is a group of its own.</summary>
    public const long LoneMemberBytes = 64 * 1024;

    /// <summary>Splits <paramref name="count"/> members into groups of consecutive members, in order.</summary>
    /// <param name="path">The member path written into the tar (top folder included).</param>
    /// <param name="tarLength">The member's tar bytes: header(s), content and padding.</param>
    /// <returns>Each group as its first member's index and its member count.</returns>
    public static List<(int Start, int Count)> Split(int count, Func<int, string> path, Func<int, long> tarLength)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(tarLength);
        var groups = new List<(int Start, int Count)>(count / (PathBoundaryOdds / 2) + 2);
        int start = 0;
        long size = 0;
        for (int i = 0; i < count; i++)
        {
            long length = tarLength(i);
            if (length > LoneMemberBytes)
            {
                if (i > start)
                {
                    groups.Add((start, i - start));
                }

                groups.Add((i, 1));
                start = i + 1;
                size = 0;
                continue;
            }

            if (i > start && size + length > GroupCapBytes)
            {
                groups.Add((start, i - start));
                start = i;
                size = 0;
            }

            size += length;
            if (EndsGroup(path(i)))
            {
                groups.Add((start, i - start + 1));
                start = i + 1;
                size = 0;
            }
        }

        if (count > start)
        {
            groups.Add((start, count - start));
        }

        return groups;
    }

    /// <summary>True when the member with this path closes its group whatever the sizes.</summary>
    public static bool EndsGroup(string memberPath)
    {
        ArgumentNullException.ThrowIfNull(memberPath);
        int max = Encoding.UTF8.GetMaxByteCount(memberPath.Length);
        Span<byte> bytes = max <= 1024 ? stackalloc byte[max] : new byte[max];
        int length = Encoding.UTF8.GetBytes(memberPath, bytes);

        // FNV-1a, 64-bit, then a finalizer so every output bit depends on every input bit (FNV's low bits alone
        // are weak for short keys that differ only at the end).
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes[..length])
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        return hash % PathBoundaryOdds == 0;
    }
}

using System.IO.Compression;
using System.Text;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>Members are deflated in groups; these check the grouping rule stays local and deterministic, and that a
/// grouped archive holds the same tar bytes as one written member by member.</summary>
public sealed class SdistGroupingTests
{
    /// <summary>Which of <c>app-1.0/pkg/module_0.py</c> .. <c>module_199.py</c> end a group.</summary>
    private const string PinnedEnds = "5,47,64,65,80,107,108,125,160,180";

    private static readonly DateTimeOffset s_time = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EndsGroup_ManyPaths_AboutOneInK()
    {
        int hits = Enumerable.Range(0, 32_000).Count(i => SdistGrouping.EndsGroup($"app-1.0/pkg/module_{i}.py"));

        Assert.InRange(hits, 800, 1200);
    }

    [Fact]
    public void EndsGroup_PinnedPaths_SameOnEveryMachine()
    {
        // Pinned so a change of hash (or a runtime-dependent one) shows up as a failure, not as silently different bytes.
        var ends = Enumerable.Range(0, 200).Where(i => SdistGrouping.EndsGroup($"app-1.0/pkg/module_{i}.py")).ToArray();

        Assert.Equal(ends, Enumerable.Range(0, 200).Where(i => SdistGrouping.EndsGroup($"app-1.0/pkg/module_{i}.py")).ToArray());
        Assert.Equal(PinnedEnds, string.Join(",", ends));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Split_OneMemberResized_MovesBoundariesOnlyBetweenItsPathBoundaries(int seed)
    {
        var random = new Random(seed);
        var paths = Enumerable.Range(0, 2000).Select(i => $"app-1.0/f{i:D5}.txt").ToArray();
        var sizes = paths.Select(_ => RandomSize(random)).ToArray();
        var before = Boundaries(paths, sizes);
        for (int trial = 0; trial < 200; trial++)
        {
            int edited = random.Next(paths.Length);
            var resized = (long[])sizes.Clone();
            resized[edited] = RandomSize(random);
            var after = Boundaries(paths, resized);

            // The stretch the edit may touch: from after the previous path boundary to the next path boundary.
            int low = edited - 1;
            while (low >= 0 && !SdistGrouping.EndsGroup(paths[low]))
            {
                low--;
            }

            int high = edited;
            while (high < paths.Length - 1 && !SdistGrouping.EndsGroup(paths[high]))
            {
                high++;
            }

            Assert.Equal(before.Where(b => b < low || b >= high), after.Where(b => b < low || b >= high));
        }
    }

    [Fact]
    public void Split_LargeMembersAndCap_AreRespected()
    {
        var random = new Random(7);
        var paths = Enumerable.Range(0, 3000).Select(i => $"app-1.0/f{i:D5}.txt").ToArray();
        var sizes = paths.Select(_ => RandomSize(random)).ToArray();

        var groups = SdistGrouping.Split(paths.Length, i => paths[i], i => sizes[i]);

        Assert.Equal(Enumerable.Range(0, paths.Length), groups.SelectMany(g => Enumerable.Range(g.Start, g.Count)));
        foreach (var (start, count) in groups)
        {
            long total = sizes.Skip(start).Take(count).Sum();
            Assert.True(count == 1 || total <= SdistGrouping.GroupCapBytes, $"group at {start} holds {total} bytes");
            Assert.True(count == 1 || sizes.Skip(start).Take(count).All(s => s <= SdistGrouping.LoneMemberBytes));
        }

        Assert.True(groups.Count < paths.Length / 4, $"{groups.Count} groups for {paths.Length} members");
    }

    [Fact]
    public void AddGroup_SameMembers_SameTarBytesAsOneSegmentEach()
    {
        var members = Enumerable.Range(0, 40)
            .Select(i => (Path: $"app-1.0/pkg/m{i}.py", Content: Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat($"def f{i}(): return {i}\n", i * 7)))))
            .ToArray();
        var segments = members.Select(m => SdistWriter.CompressMember(m.Path, m.Content, executable: false, s_time)).ToArray();

        var grouped = new MemoryStream();
        using (var writer = new SdistWriter(grouped, s_time))
        {
            writer.AddGroup(members[..25].Select(m => m.Path).ToArray(), SdistGroupCompressor.Compress(segments[..25]));
            writer.AddGroup(members[25..].Select(m => m.Path).ToArray(), SdistGroupCompressor.Compress(segments[25..]));
            writer.Finish();
        }

        var single = new MemoryStream();
        using (var writer = new SdistWriter(single, s_time))
        {
            foreach (var m in members)
            {
                writer.Add(m.Path, m.Content, executable: false);
            }

            writer.Finish();
        }

        // GZipStream checks the trailer: the combined CRC and the length.
        Assert.Equal(Gunzip(single.ToArray()), Gunzip(grouped.ToArray()));
        Assert.True(grouped.Length < single.Length, $"grouped {grouped.Length} bytes, one segment each {single.Length}");
    }

    [Fact]
    public void AddGroup_RepeatedPath_IsRejected()
    {
        var segment = SdistWriter.CompressMember("app-1.0/a.py", "x"u8, executable: false, s_time);
        using var writer = new SdistWriter(new MemoryStream(), s_time);
        writer.AddGroup(["app-1.0/a.py"], segment);

        Assert.ThrowsAny<Exception>(() => writer.AddGroup(["app-1.0/b.py", "app-1.0/a.py"], segment));
    }

    private static long RandomSize(Random random) => random.Next(10) switch
    {
        0 => 512 + (random.Next(100_000, 200_000) / 512 * 512),
        1 or 2 => 512 + (random.Next(30_000, 66_000) / 512 * 512),
        _ => 512 + (random.Next(0, 4000) / 512 * 512),
    };

    private static List<int> Boundaries(string[] paths, long[] sizes)
        => SdistGrouping.Split(paths.Length, i => paths[i], i => sizes[i]).Select(g => g.Start + g.Count - 1).ToList();

    private static byte[] Gunzip(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}

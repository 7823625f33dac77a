using System.Security.Cryptography;
using PackDaemon.Engine.Building;

namespace PackDaemon.Packaging.Tests.Engine.Building;

/// <summary>A digest resumed from a checkpoint is the digest of the whole new stream, whatever changed where.</summary>
public sealed class HashingWriteStreamTests
{
    private const long Spacing = 100;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomChanges_ResumedDigest_IsTheDigestOfTheWholeStream(int seed)
    {
        var random = new Random(seed);
        var items = Enumerable.Range(0, 60).Select(_ => Item(random)).ToList();
        var memo = new HashCheckpoints(Spacing);
        long resumedBytes = 0;
        for (int step = 0; step < 40; step++)
        {
            string change = Change(random, items);
            var (digest, hashed, bytes) = Write(items, memo);
            Assert.True(Convert.ToHexStringLower(SHA256.HashData(bytes)) == digest, $"seed {seed}, step {step} ({change})");
            resumedBytes += bytes.Length - hashed;
        }

        // Not vacuous: most writes resumed part-way.
        Assert.True(resumedBytes > 0, "no write resumed from a checkpoint");
    }

    [Fact]
    public void ChangeNearTheEnd_HashesOnlyTheTail()
    {
        var random = new Random(7);
        var items = Enumerable.Range(0, 50).Select(_ => Item(random)).ToList();
        var memo = new HashCheckpoints(Spacing);
        var (_, firstHashed, firstBytes) = Write(items, memo);
        Assert.Equal(firstBytes.Length, firstHashed);

        items[^2] = Item(random);
        var (digest, hashed, bytes) = Write(items, memo);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digest);
        long tail = items[^2].Length + items[^1].Length;
        Assert.InRange(hashed, tail, tail + Spacing + items.Max(i => i.Length));
    }

    [Fact]
    public void WriteThatFails_LeavesTheMemoAsItWas()
    {
        var random = new Random(9);
        var items = Enumerable.Range(0, 30).Select(_ => Item(random)).ToList();
        var memo = new HashCheckpoints(Spacing);
        Write(items, memo);
        int before = memo.Count;

        items[3] = Item(random);
        Assert.Throws<IOException>(() => Write(items, memo, failAt: 10));
        Assert.Equal(before, memo.Count);

        var (digest, _, bytes) = Write(items, memo);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), digest);
    }

    private static byte[] Item(Random random)
    {
        var bytes = new byte[random.Next(0, 90)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Change(Random random, List<byte[]> items)
    {
        int at = random.Next(items.Count);
        switch (random.Next(4))
        {
            case 0:
                items.Insert(at, Item(random));
                return $"insert at {at}";
            case 1 when items.Count > 1:
                items.RemoveAt(at);
                return $"remove {at}";
            case 2:
                return "nothing";
            default:
                items[at] = Item(random);
                return $"replace {at}";
        }
    }

    /// <summary>Writes items the way the assemblers do: a header, a mark before each item, a trailer after the last.</summary>
    private static (string Digest, long Hashed, byte[] Bytes) Write(List<byte[]> items, HashCheckpoints memo, int failAt = -1)
    {
        var keys = new UInt128[items.Count + 1];
        keys[0] = HashCheckpoints.Start("test", 42);
        for (int i = 0; i < items.Count; i++)
        {
            // The item's bytes are what the bytes after this boundary depend on.
            keys[i + 1] = HashCheckpoints.Next(keys[i], items[i]);
        }

        var output = new MemoryStream();
        using var hashing = new HashingWriteStream(output, memo, keys);
        hashing.Write("HEAD"u8);
        for (int i = 0; i < items.Count; i++)
        {
            if (i == failAt)
            {
                throw new IOException("disk full");
            }

            hashing.Mark(i);
            hashing.Write(items[i]);
        }

        hashing.Mark(items.Count);
        hashing.Write(BitConverter.GetBytes(items.Count));
        string digest = hashing.Complete();
        return (digest, hashing.HashedBytes, output.ToArray());
    }
}

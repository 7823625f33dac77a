using System.Security.Cryptography;
using PackDaemon.Packaging.Archives;

namespace PackDaemon.Packaging.Tests.Archives;

/// <summary>The daemon caches RECORD rows one by one; joined, they must be exactly what RecordWriter writes whole.</summary>
public sealed class RecordRowTests
{
    [Fact]
    public void RowsJoined_EqualTheWholeRecord()
    {
        string[] paths = ["app/__init__.py", "app/with,comma.py", "app/\"quoted\".txt", "app/ünï.py", "app-1.0.dist-info/METADATA"];
        var writer = new RecordWriter();
        var rows = new List<byte>();
        foreach (var (path, i) in paths.Select((p, i) => (p, i)))
        {
            byte[] sha = SHA256.HashData([(byte)i]);
            writer.Add(path, sha, i * 1000);
            rows.AddRange(RecordWriter.Row(path, sha, i * 1000));
        }

        rows.AddRange(RecordWriter.SelfRow("app-1.0.dist-info/RECORD"));

        Assert.Equal(writer.ToBytes("app-1.0.dist-info/RECORD"), rows.ToArray());
    }

    [Theory]
    [InlineData("a.py", 0L)]
    [InlineData("pkg/data/😀 smile.txt", 9_223_372_036_854_775_807L)]
    [InlineData("pkg/tab\there.py", 12345L)]
    [InlineData("pkg/ẞ-ǅ.py", 7L)]
    public void Row_OfAnUnquotedPath_IsTheWritersRowByteForByte(string path, long size)
    {
        byte[] sha = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(path));
        var writer = new RecordWriter();
        writer.Add(path, sha, size);
        byte[] whole = writer.ToBytes("x/RECORD");

        byte[] row = RecordWriter.Row(path, sha, size);

        Assert.Equal(whole.AsSpan(0, whole.Length - "x/RECORD,,\n"u8.Length).ToArray(), row);
    }
}

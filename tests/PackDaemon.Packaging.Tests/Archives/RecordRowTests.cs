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
}

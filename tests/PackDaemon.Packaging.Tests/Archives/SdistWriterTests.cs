using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class SdistWriterTests : IDisposable
{
    private const string InspectScript = """
        import hashlib, json, os, sys, tarfile
        out = []
        with tarfile.open(sys.argv[1], "r:gz") as t:
            for m in t.getmembers():
                out.append({"name": m.name, "uid": m.uid, "gid": m.gid, "uname": m.uname, "gname": m.gname,
                            "mtime": m.mtime, "mode": m.mode, "type": m.type.decode(), "size": m.size,
                            "pax": sorted(m.pax_headers)})
            t.extractall(sys.argv[2], filter="data")
        for m in out:
            with open(os.path.join(sys.argv[2], m["name"]), "rb") as f:
                m["sha"] = hashlib.sha256(f.read()).hexdigest()
        print(json.dumps(out))
        """;

    private static readonly DateTimeOffset s_time = new(2020, 2, 2, 0, 0, 1, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    private static (string Path, byte[] Content, bool Executable)[] SampleEntries()
    {
        const string top = "my_app-1.0/";
        return
        [
            (top + "pyproject.toml", "[project]\nname = 'my-app'\n"u8.ToArray(), false),
            (top + "bin/run.sh", "#!/bin/sh\necho hi\n"u8.ToArray(), true),
            (top + new string('a', 60) + "/" + new string('b', 60) + ".py", "x = 1\n"u8.ToArray(), false), // > 100: prefix/name
            (top + new string('c', 150) + "/" + new string('d', 99), "y\n"u8.ToArray(), false), // 261 bytes: pax
            (top + "src/" + new string('e', 120) + ".py", "z\n"u8.ToArray(), false), // last component > 100: pax
            (top + string.Join('/', Enumerable.Repeat("segment", 40)) + "/deep.txt", new byte[513], false), // > 255: pax
            (top + "src/ünïcødé/snø☃.py", Encoding.UTF8.GetBytes(new string('q', 1000)), false), // non-ASCII: pax
            (top + "PKG-INFO", "Metadata-Version: 2.4\n"u8.ToArray(), false),
            (top + new string('f', 144) + "/" + new string('g', 100), "w\n"u8.ToArray(), false), // 256: prefix 155 + name 100
        ];
    }

    private static byte[] BuildSdist((string Path, byte[] Content, bool Executable)[] entries, DateTimeOffset time)
    {
        var output = new MemoryStream();
        using (var sdist = new SdistWriter(new NonSeekableStream(output), time))
        {
            foreach (var (path, content, executable) in entries)
            {
                sdist.Add(path, content, executable);
            }

            sdist.Finish();
        }

        return output.ToArray();
    }

    [Fact]
    public void Finish_SampleSdist_PythonTarfileExtractsWithDataFilterAndSeesFixedOwnerTimeMode()
    {
        var entries = SampleEntries();
        string archive = _temp.File("my_app-1.0.tar.gz");
        File.WriteAllBytes(archive, BuildSdist(entries, s_time));

        string json = Python.Run(InspectScript, archive, _temp.File("out"));
        var members = JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();

        Assert.Equal(entries.Length, members.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            var m = members[i];
            Assert.Equal(entries[i].Path, m.GetProperty("name").GetString());
            Assert.Equal(0, m.GetProperty("uid").GetInt32());
            Assert.Equal(0, m.GetProperty("gid").GetInt32());
            Assert.Equal("", m.GetProperty("uname").GetString());
            Assert.Equal("", m.GetProperty("gname").GetString());
            Assert.Equal(1580601601, m.GetProperty("mtime").GetInt64());
            Assert.Equal(entries[i].Executable ? 0x1ED : 0x1A4, m.GetProperty("mode").GetInt32());
            Assert.Equal("0", m.GetProperty("type").GetString());
            Assert.Equal(entries[i].Content.Length, m.GetProperty("size").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(entries[i].Content)), m.GetProperty("sha").GetString());
        }

        // Only the paths ustar cannot hold get a pax header, and it carries the path alone.
        string[] paxed = members.Where(m => m.GetProperty("pax").GetArrayLength() > 0).Select(m => m.GetProperty("name").GetString()!).ToArray();
        Assert.Equal([entries[3].Path, entries[4].Path, entries[5].Path, entries[6].Path], paxed);
        Assert.All(members.Where(m => m.GetProperty("pax").GetArrayLength() > 0), m => Assert.Equal(["path"], m.GetProperty("pax").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public void Constructor_GzipHeader_FixedMtimeNoNameOsUnknown()
    {
        byte[] bytes = BuildSdist(SampleEntries(), s_time);

        // 1580601601 = 0x5E361101, little-endian.
        Assert.Equal(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x01, 0x11, 0x36, 0x5E, 0x00, 0xFF }, bytes[..10]);
    }

    [Fact]
    public void Finish_TarStream_BlockAlignedEndsWithTwoZeroBlocksAndFixedPaxName()
    {
        byte[] bytes = BuildSdist(SampleEntries(), s_time);

        // Python's gzip checks the CRC-32 and ISIZE trailer while decompressing.
        string tarHex = Python.Run("import gzip, sys; sys.stdout.write(gzip.decompress(open(sys.argv[1], 'rb').read()).hex())", Save(bytes));
        byte[] tar = Convert.FromHexString(tarHex);
        Assert.Equal(0, tar.Length % 512);
        Assert.True(tar.AsSpan(tar.Length - 1024).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(tar, Decompress(bytes));

        int paxHeaders = 0;
        for (int at = 0; at < tar.Length - 1024;)
        {
            var header = tar.AsSpan(at, 512);
            long size = Convert.ToInt64(Encoding.ASCII.GetString(header.Slice(124, 11)), 8);
            if (header[156] == (byte)'x')
            {
                paxHeaders++;
                Assert.Equal("././@PaxHeader", Encoding.ASCII.GetString(header[..100]).TrimEnd('\0'));
            }

            Assert.Equal("ustar\000", Encoding.ASCII.GetString(header.Slice(257, 8)));
            at += 512 + (int)((size + 511) / 512 * 512);
        }

        Assert.Equal(4, paxHeaders);
    }

    [Fact]
    public void Finish_SameInputsTwice_IdenticalBytes()
        => Assert.Equal(BuildSdist(SampleEntries(), s_time), BuildSdist(SampleEntries(), s_time));

    [Theory]
    [InlineData(100, 0)]
    [InlineData(101, -1)]
    public void FindUstarSplit_SingleComponent_FitsOnlyUpTo100Bytes(int length, int expected)
        => Assert.Equal(expected, SdistWriter.FindUstarSplit(Encoding.ASCII.GetBytes(new string('n', length))));

    [Fact]
    public void FindUstarSplit_LongPath_ShortestPrefixWhoseNameFits()
    {
        byte[] path = Encoding.ASCII.GetBytes("top/" + new string('a', 50) + "/" + new string('b', 99));

        Assert.Equal(4 + 50, SdistWriter.FindUstarSplit(path));
    }

    [Theory]
    [InlineData(155, 100, 155)]
    [InlineData(156, 100, -1)]
    [InlineData(155, 101, -1)]
    public void FindUstarSplit_FieldBoundaries_PrefixUpTo155NameUpTo100(int prefixLength, int nameLength, int expected)
    {
        byte[] path = Encoding.ASCII.GetBytes(new string('p', prefixLength) + "/" + new string('n', nameLength));

        Assert.Equal(expected, SdistWriter.FindUstarSplit(path));
    }

    [Theory]
    [InlineData("/abs/x.py")]
    [InlineData("my_app-1.0/../x.py")]
    [InlineData("..")]
    [InlineData("my_app-1.0/dir/")]
    public void Add_UnsafePath_RefusedWithPD5010(string path)
    {
        using var sdist = new SdistWriter(new MemoryStream(), s_time);

        var error = Assert.Throws<PackagingException>(() => sdist.Add(path, "x"u8, executable: false));

        Assert.Equal(DiagnosticCodes.ArchivePathInvalid, Assert.Single(error.Diagnostics).Code);
        Assert.Equal(path, error.Diagnostics[0].File);
    }

    private static byte[] Decompress(byte[] gz)
    {
        using var gzip = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        var tar = new MemoryStream();
        gzip.CopyTo(tar);
        return tar.ToArray();
    }

    private string Save(byte[] bytes)
    {
        string path = _temp.File(Guid.NewGuid().ToString("N") + ".tar.gz");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => _temp.Dispose();
}

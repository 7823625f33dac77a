using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using PackDaemon.Packaging.Archives;
using PackDaemon.Packaging.Diagnostics;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class WheelZipWriterTests : IDisposable
{
    private const string InspectScript = """
        import hashlib, json, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            out = {"testzip": z.testzip(), "entries": []}
            for i in z.infolist():
                out["entries"].append({
                    "name": i.filename, "create_system": i.create_system, "create_version": i.create_version,
                    "extract_version": i.extract_version, "external_attr": i.external_attr,
                    "date_time": list(i.date_time), "compress_type": i.compress_type, "flag_bits": i.flag_bits,
                    "extra": len(i.extra), "sha": hashlib.sha256(z.read(i)).hexdigest()})
        print(json.dumps(out))
        """;

    private static readonly DateTimeOffset s_time = new(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);
    private readonly TempFolder _temp = new();

    private static (string Name, byte[] Content, bool Executable)[] SampleEntries() =>
    [
        ("app/__init__.py", [], false),
        ("app/views.py", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("from flask import Flask\n", 40))), false),
        ("app/static/logo.png", [0x89, (byte)'P', (byte)'N', (byte)'G', 0, 0, 0, 0, 0, 0, 0, 0], false),
        ("app/ünïcødé/snø☃.py", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("x = 'ü'\n", 20))), false),
        ("app-1.0.data/scripts/run", "#!python\nprint(1)\n"u8.ToArray(), true),
    ];

    private static byte[] BuildZip((string Name, byte[] Content, bool Executable)[] entries, DateTimeOffset time)
    {
        var output = new MemoryStream();
        using (var zip = new WheelZipWriter(new NonSeekableStream(output), time))
        {
            foreach (var (name, content, executable) in entries)
            {
                zip.Add(name, EntryCompressor.Compress(name, content), executable);
            }

            zip.Finish();
        }

        return output.ToArray();
    }

    [Fact]
    public void Finish_SampleWheel_PythonZipfileSeesRecipeFields()
    {
        var entries = SampleEntries();
        string path = _temp.File("app.whl");
        File.WriteAllBytes(path, BuildZip(entries, s_time));

        using var json = JsonDocument.Parse(Python.Run(InspectScript, path));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("testzip").ValueKind);
        var infos = json.RootElement.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(entries.Length, infos.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            var info = infos[i];
            Assert.Equal(entries[i].Name, info.GetProperty("name").GetString());
            Assert.Equal(3, info.GetProperty("create_system").GetInt32());
            Assert.Equal(20, info.GetProperty("create_version").GetInt32());
            Assert.Equal(20, info.GetProperty("extract_version").GetInt32());
            Assert.Equal(entries[i].Executable ? 0x81ED0000L : 0x81A40000L, info.GetProperty("external_attr").GetInt64());

            // 07 seconds rounds down to 06: DOS time has 2-second resolution.
            Assert.Equal([2021, 3, 4, 5, 6, 6], info.GetProperty("date_time").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal(0, info.GetProperty("extra").GetInt32());
            bool ascii = entries[i].Name.All(char.IsAscii);
            Assert.Equal(ascii ? 0 : 0x800, info.GetProperty("flag_bits").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(entries[i].Content)), info.GetProperty("sha").GetString());
        }

        Assert.Equal([0, 8, 0, 8, 0], infos.Select(e => e.GetProperty("compress_type").GetInt32()));
    }

    [Fact]
    public void Finish_SampleWheel_LocalHeadersCarryCrcAndSizesWithoutDescriptorOrExtra()
    {
        byte[] zip = BuildZip(SampleEntries(), s_time);

        int offset = 0;
        foreach (var (name, content, _) in SampleEntries())
        {
            var header = zip.AsSpan(offset);
            Assert.Equal(0x04034b50u, BinaryPrimitives.ReadUInt32LittleEndian(header));
            Assert.Equal(20, BinaryPrimitives.ReadUInt16LittleEndian(header[4..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(header[6..]) & 0x0008); // no data descriptor
            Assert.Equal(System.IO.Hashing.Crc32.HashToUInt32(content), BinaryPrimitives.ReadUInt32LittleEndian(header[14..]));
            Assert.Equal((uint)content.Length, BinaryPrimitives.ReadUInt32LittleEndian(header[22..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(header[28..])); // extra length
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[26..]);
            Assert.Equal(name, Encoding.UTF8.GetString(header.Slice(30, nameLength)));
            offset += 30 + nameLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
        }

        Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(offset)));
    }

    [Fact]
    public void Finish_SameInputsTwice_IdenticalBytes()
        => Assert.Equal(BuildZip(SampleEntries(), s_time), BuildZip(SampleEntries(), s_time));

    [Theory]
    [InlineData(1980, 1, 1, 0x0021)]
    [InlineData(2016, 1, 1, 0x4821)]
    [InlineData(2020, 2, 2, 0x5042)]
    [InlineData(1970, 1, 1, 0x0021)]
    public void ToDosDateTime_RecipeExamples(int year, int month, int day, int expectedDate)
    {
        var (date, time) = WheelZipWriter.ToDosDateTime(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(expectedDate, date);
        Assert.Equal(0, time);
    }

    [Fact]
    public void ToDosDateTime_NonUtcOffset_UsesUtc()
    {
        var (date, time) = WheelZipWriter.ToDosDateTime(new DateTimeOffset(2020, 2, 2, 2, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal(0x5042, date);
        Assert.Equal(0, time);
    }

    [Fact]
    public void Finish_MoreThan65535Entries_Zip64ThatPythonReads()
    {
        const int count = 70_000;
        var blob = EntryCompressor.Compress("x", []);
        string path = _temp.File("many.zip");
        using (var file = File.Create(path))
        using (var zip = new WheelZipWriter(file, s_time))
        {
            for (int i = 0; i < count; i++)
            {
                zip.Add($"d/{i:D6}", blob, executable: false);
            }

            zip.Finish();
        }

        string output = Python.Run(
            "import sys, zipfile\n" +
            "z = zipfile.ZipFile(sys.argv[1])\n" +
            "names = z.namelist()\n" +
            "print(len(names), names[0], names[-1], z.testzip())\n",
            path);

        Assert.Equal("70000 d/000000 d/069999 None", output.Trim());
    }

    [Fact]
    public void Finish_EntriesBeyond4GiB_Zip64OffsetsThatPythonReads()
    {
        // Four 1 GiB stored members push the last member's local header and the central directory past 4 GiB.
        // Their bytes become holes in a sparse file and are never read, so their CRC is irrelevant here.
        const int gib = 1 << 30;
        var big = new CompressedBlob(0, gib, new byte[32], GC.AllocateUninitializedArray<byte>(gib), ZipCompression.Stored);
        var small = EntryCompressor.Compress("after.txt", "beyond four GiB\n"u8);
        string path = _temp.File("huge.zip");
        using (var file = File.Create(path))
        using (var zip = new WheelZipWriter(new SparseStream(file, holeThreshold: 1 << 20), s_time))
        {
            for (int i = 0; i < 4; i++)
            {
                zip.Add($"big/{i}.bin", big, executable: false);
            }

            zip.Add("after.txt", small, executable: false);
            zip.Finish();
        }

        string output = Python.Run(
            "import sys, zipfile\n" +
            "z = zipfile.ZipFile(sys.argv[1])\n" +
            "i = z.getinfo('after.txt')\n" +
            "print(len(z.infolist()), i.header_offset > 2**32, i.extract_version, repr(z.read(i).decode()))\n",
            path);

        Assert.Equal("5 True 45 'beyond four GiB\\n'", output.Trim());
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("app/../../evil.py")]
    [InlineData("app/./x.py")]
    [InlineData("app//x.py")]
    [InlineData("app\\x.py")]
    [InlineData("")]
    public void Add_UnsafePath_RefusedWithPD5010(string name)
    {
        using var zip = new WheelZipWriter(new MemoryStream(), s_time);

        var error = Assert.Throws<PackagingException>(() => zip.Add(name, EntryCompressor.Compress("x.py", "x"u8), executable: false));

        Assert.Equal(DiagnosticCodes.ArchivePathInvalid, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public void Add_SameNameTwice_RefusedWithPD5011()
    {
        using var zip = new WheelZipWriter(new MemoryStream(), s_time);
        var blob = EntryCompressor.Compress("x.py", "x"u8);
        zip.Add("app/x.py", blob, executable: false);

        var error = Assert.Throws<PackagingException>(() => zip.Add("app/x.py", blob, executable: false));

        Assert.Equal(DiagnosticCodes.ArchiveDuplicateEntry, Assert.Single(error.Diagnostics).Code);
    }

    public void Dispose() => _temp.Dispose();
}

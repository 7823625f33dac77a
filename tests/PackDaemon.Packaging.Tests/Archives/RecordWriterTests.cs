using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PackDaemon.Packaging.Archives;
using Xunit;

namespace PackDaemon.Packaging.Tests.Archives;

public sealed class RecordWriterTests
{
    private static readonly string[] s_trickyNames =
    [
        "pkg/plain.py",
        "pkg/a,b.txt",
        "pkg/q\"uote.txt",
        "pkg/new\nline.txt",
        "pkg/cr\rreturn.txt",
        "pkg/ünïcødé ☃.py",
        "pkg/ space.txt",
        "pkg/'single'.txt",
    ];

    [Theory]
    [InlineData("", "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU")]
    [InlineData("print('hello')\n", "sha256=A-aT2fL2h-D0Djao33_LTRwil0ASt8KlXAAOsw8wWCQ")]
    public void FormatHash_SpecVectors_UrlSafeWithoutPadding(string content, string expected)
        => Assert.Equal(expected, RecordWriter.FormatHash(SHA256.HashData(Encoding.UTF8.GetBytes(content))));

    [Fact]
    public void ToBytes_TrickyNames_ByteIdenticalToPythonCsvWriter()
    {
        // Python 3.11's writer with lineterminator='\n' leaves a lone '\r' unquoted, which its own reader then splits
        // as a line end; we quote it, as 3.12+ does. So the '\r' name is checked by the reader test below only.
        var names = s_trickyNames.Where(n => !n.Contains('\r', StringComparison.Ordinal)).ToArray();
        var record = new RecordWriter();
        var rows = new List<string[]>();
        for (int i = 0; i < names.Length; i++)
        {
            byte[] sha = SHA256.HashData(Encoding.UTF8.GetBytes(names[i]));
            record.Add(names[i], sha, i * 1000L);
            rows.Add([names[i], RecordWriter.FormatHash(sha), (i * 1000L).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        rows.Add(["app-1.0.dist-info/RECORD", "", ""]);
        byte[] ours = record.ToBytes("app-1.0.dist-info/RECORD");

        string python = Python.Run(
            "import csv, io, json, sys\n" +
            "buf = io.StringIO()\n" +
            "w = csv.writer(buf, lineterminator='\\n')\n" +
            "for row in json.loads(sys.argv[1]): w.writerow(row)\n" +
            "sys.stdout.write(buf.getvalue().encode('utf-8').hex())\n",
            JsonSerializer.Serialize(rows));

        Assert.Equal(python, Convert.ToHexStringLower(ours));
    }

    [Fact]
    public void ToBytes_TrickyNames_CsvReaderRecoversEveryFieldAndRecordRowIsLast()
    {
        var record = new RecordWriter();
        foreach (var name in s_trickyNames)
        {
            record.Add(name, SHA256.HashData(Encoding.UTF8.GetBytes(name)), name.Length);
        }

        using var temp = new TempFolder();
        File.WriteAllBytes(temp.File("RECORD"), record.ToBytes("my_app-1.0.dist-info/RECORD"));

        string json = Python.Run(
            "import csv, json, sys\n" +
            "with open(sys.argv[1], newline='', encoding='utf-8') as f: print(json.dumps(list(csv.reader(f))))\n",
            temp.File("RECORD"));
        var parsed = JsonSerializer.Deserialize<string[][]>(json)!;

        Assert.Equal(s_trickyNames.Length + 1, parsed.Length);
        for (int i = 0; i < s_trickyNames.Length; i++)
        {
            Assert.Equal(s_trickyNames[i], parsed[i][0]);
            Assert.Equal(RecordWriter.FormatHash(SHA256.HashData(Encoding.UTF8.GetBytes(s_trickyNames[i]))), parsed[i][1]);
            Assert.Equal(s_trickyNames[i].Length.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed[i][2]);
        }

        Assert.Equal(["my_app-1.0.dist-info/RECORD", "", ""], parsed[^1]);
    }

    [Fact]
    public void ToBytes_Empty_OnlyRecordRowWithLineFeed()
        => Assert.Equal("a-1.dist-info/RECORD,,\n"u8.ToArray(), new RecordWriter().ToBytes("a-1.dist-info/RECORD"));
}

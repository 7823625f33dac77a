using System.Diagnostics;
using System.Text;
using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class NfcTests
{
    [Theory]
    [InlineData("cafe\u0301", "caf\u00e9")]
    [InlineData("A\u030A", "\u00C5")]
    [InlineData("\u212B", "\u00C5")] // singleton decomposition never recomposes to the Angstrom sign
    [InlineData("e\u0323\u0302", "\u1EC7")]
    [InlineData("e\u0302\u0323", "\u1EC7")] // canonical reordering before composition
    [InlineData("u\u0308\u0304", "\u01D6")] // two-level composition
    [InlineData("a\u0305\u0301", "a\u0305\u0301")] // blocked by a mark of the same class
    [InlineData("\u0958", "\u0915\u093C")] // composition exclusion
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul L+V+T
    [InlineData("\uAC00\u11A8", "\uAC01")] // Hangul LV+T
    [InlineData("plain.txt", "plain.txt")]
    public void Normalize_SpecExamples_ReturnsNfc(string input, string expected)
        => Assert.Equal(expected, Nfc.Normalize(input));

    [Fact]
    public void Normalize_AgreesWithPythonUnicodedata()
    {
        // Deterministic mixes of letters, composites and combining marks from several scripts.
        int[] pool =
        [
            'a', 'e', 'o', 'u', 'A', 'E', 'n', 0x00E9, 0x00C5, 0x212B, 0x1E9B, 0x0301, 0x0300, 0x0302, 0x0303, 0x0308, 0x0323,
            0x0327, 0x0328, 0x0304, 0x0306, 0x031B, 0x0345, 0x03B1, 0x03C9, 0x1F00, 0x0915, 0x093C, 0x0958, 0x1100, 0x1161,
            0x11A8, 0xAC00, 0x05D0, 0x05B7, 0x0F71, 0x0F72, 0x0F80, 0x1D15E, 0x1D165, 0x2126, 0x0340, 0x0344, 0x30AB, 0x3099,
        ];
        var random = new Random(1234);
        var inputs = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            var sb = new StringBuilder();
            int length = random.Next(1, 7);
            for (int j = 0; j < length; j++)
            {
                sb.Append(char.ConvertFromUtf32(pool[random.Next(pool.Length)]));
            }

            inputs.Add(sb.ToString());
        }

        string payload = string.Join('\n', inputs.Select(s => string.Join(' ', s.EnumerateRunes().Select(r => r.Value.ToString("X", null)))));
        var start = new ProcessStartInfo("python3", ["-c",
            "import sys, unicodedata\nfor line in sys.stdin.read().split('\\n'):\n    s = ''.join(chr(int(x, 16)) for x in line.split())\n    print(' '.join('%X' % ord(c) for c in unicodedata.normalize('NFC', s)))\n"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(payload);
        process.StandardInput.Close();
        string[] expected = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();

        Assert.Equal(inputs.Count, expected.Length);
        for (int i = 0; i < inputs.Count; i++)
        {
            string ours = string.Join(' ', Nfc.Normalize(inputs[i]).EnumerateRunes().Select(r => r.Value.ToString("X", null)));
            Assert.Equal(expected[i], ours);
        }
    }
}

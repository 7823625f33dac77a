using PackDaemon.Cli.Lsp;
using PackDaemon.Cli.Lsp.Messages;

namespace PackDaemon.Packaging.Tests.Lsp;

public sealed class DiagnosticRangesTests
{
    private static readonly string[] Pyproject = DiagnosticRanges.SplitLines("[project]\nname = \"x\"\ndependencies = [\n    \"gunicorn\"\n    \"click\",   \n]\n");

    private static LspRange Range(int line, int start, int endLine, int end) => new(new LspPosition(line, start), new LspPosition(endLine, end));

    [Fact]
    public void OneBasedPoint_BecomesZeroBasedRange_ToTheEndOfTheLinesContent()
        => Assert.Equal(Range(4, 4, 4, 12), DiagnosticRanges.Map(5, 5, Pyproject));

    [Fact]
    public void UnknownColumn_CoversTheLineWithoutItsIndentation()
        => Assert.Equal(Range(3, 4, 3, 14), DiagnosticRanges.Map(4, 0, Pyproject));

    [Fact]
    public void UnknownLine_LandsOnTheFirstLine()
        => Assert.Equal(Range(0, 0, 0, 9), DiagnosticRanges.Map(0, 0, Pyproject));

    [Fact]
    public void PointAtTheEndOfALine_IsStillOneCharacterWide()
        => Assert.Equal(Range(1, 10, 1, 11), DiagnosticRanges.Map(2, 11, Pyproject));

    [Fact]
    public void UnknownText_GivesAOneCharacterRangeAtThePoint()
        => Assert.Equal(Range(6, 2, 6, 3), DiagnosticRanges.Map(7, 3, lines: null));

    [Fact]
    public void LinesSplitAtEveryLineEnd_AsLspCountsThem()
        => Assert.Equal(["a", "b", "c", ""], DiagnosticRanges.SplitLines("a\r\nb\rc\n"));

    [Fact]
    public void ColumnsCountUtf16CodeUnits_AsLspDoesByDefault()
    {
        // "😀" is two UTF-16 units, "é" one: the daemon's column (a .NET string index + 1) passes through unchanged, and
        // the line's 14 units end the range.
        string[] lines = ["name = \"😀é\" x"];
        Assert.Equal(Range(0, 10, 0, 14), DiagnosticRanges.Map(1, 11, lines));
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 2)]
    [InlineData("info", 3)]
    public void Severities_MapToLspNumbers(string severity, int expected) => Assert.Equal(expected, DiagnosticRanges.Severity(severity));
}

using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Projects.SetupCfg;

namespace PackDaemon.Packaging.Tests.Projects.SetupCfg;

/// <summary>The INI reader against configparser's rules, as setuptools 66 reads setup.cfg.</summary>
public sealed class IniFileTests
{
    private readonly DiagnosticBag _diagnostics = new();

    private IniFile Parse(string text)
    {
        var ini = IniFile.Parse(text, _diagnostics);
        Assert.True(ini is not null, string.Join("\n", _diagnostics.Items));
        return ini;
    }

    private Diagnostic ParseError(string text, string code)
    {
        Assert.Null(IniFile.Parse(text, _diagnostics));
        var error = Assert.Single(_diagnostics.Items, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Equal("setup.cfg", error.File);
        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
        return error;
    }

    [Fact]
    public void Parse_EqualsAndColonDelimiters_FirstOneSplits()
    {
        var entries = Parse("[metadata]\nname = demo\nurl: https://example.org/a=b\n").Section("metadata")!.Entries;

        Assert.Equal(("name", "demo"), (entries[0].Key, entries[0].RawValue));
        Assert.Equal(("url", "https://example.org/a=b"), (entries[1].Key, entries[1].RawValue));
    }

    [Fact]
    public void Parse_ContinuationLines_JoinWithNewlines_AndKeepTheEmptyFirstLine()
    {
        var entry = Parse("[options]\ninstall_requires =\n    flask\n\n    click\n# a comment\n    rich\nzip_safe = 0\n").Section("options")!.Entries[0];

        Assert.Equal("\nflask\n\nclick\nrich", entry.RawValue);
        Assert.Equal([(3, 5), (5, 5), (7, 5)], entry.Lines.Where(l => l.Text.Length > 0).Select(l => (l.Line, l.Column)));
    }

    [Fact]
    public void Parse_HashAfterAValue_IsPartOfIt_LikeConfigparserWithoutInlineComments()
        => Assert.Equal("flask # web", Parse("[options]\ninstall_requires = flask # web\n").Section("options")!.Entries[0].RawValue);

    [Fact]
    public void Parse_SectionNames_AreCaseSensitive_AndTakeTheTextToTheLastBracket()
    {
        var ini = Parse("[Metadata]\na = 1\n[tool:pytest]\nb = 2\n");

        Assert.Null(ini.Section("metadata"));
        Assert.NotNull(ini.Section("Metadata"));
        Assert.NotNull(ini.Section("tool:pytest"));
    }

    [Fact]
    public void Parse_ValuePosition_IsTheFirstCharacterAfterTheDelimiter()
    {
        var entry = Parse("[metadata]\n  name   =   demo\n").Section("metadata")!.Entries[0];

        Assert.Equal((2, 14), (entry.FirstText.Line, entry.FirstText.Column));
        Assert.Equal(3, entry.Column);
    }

    [Fact]
    public void Parse_DoublePercent_IsOnePercent()
        => Assert.Equal("100% sure", Parse("[metadata]\ndescription = 100%% sure\n").Section("metadata")!.Entries[0].RawValue);

    [Fact]
    public void Parse_LonePercent_IsRejectedAsConfigparserDoes()
    {
        var error = ParseError("[metadata]\ndescription = 100% sure\n", DiagnosticCodes.SetupCfgInterpolation);

        Assert.Equal((2, 18), (error.Line, error.Column));
        Assert.Contains("%%", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_IsRefusedWithItsLine()
    {
        var error = ParseError("[metadata]\nname = a\nversion = 1\nname = b\n", DiagnosticCodes.SetupCfgSyntax);

        Assert.Equal(4, error.Line);
        Assert.Contains("`name` is set twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateSection_IsRefused()
        => Assert.Equal(3, ParseError("[options]\na = 1\n[options]\nb = 2\n", DiagnosticCodes.SetupCfgSyntax).Line);

    [Fact]
    public void Parse_LineBeforeAnySection_IsRefused()
        => Assert.Equal(1, ParseError("name = demo\n[metadata]\n", DiagnosticCodes.SetupCfgSyntax).Line);

    [Fact]
    public void Parse_LineWithoutDelimiter_IsRefusedWithTheFix()
    {
        var error = ParseError("[options]\npackages = find:\nnot a key value\n", DiagnosticCodes.SetupCfgSyntax);

        Assert.Equal((3, 1), (error.Line, error.Column));
        Assert.Contains("indent the line", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a, b ,c", new[] { "a", "b", "c" })]
    [InlineData("\na\n b,c", new[] { "a", "b,c" })]
    [InlineData("a,\n  b", new[] { "a,", "b" })]
    [InlineData(" , ", new string[0])]
    public void SplitList_IsOneItemPerLineWhenTheValueSpansLines_ElseCommaSeparated(string value, string[] expected)
    {
        var entry = Parse("[options]\nk = " + value.Replace("\n", "\n    ", StringComparison.Ordinal) + "\n").Section("options")!.Entries[0];

        Assert.Equal(expected, SetupCfgTranslator.SplitList(entry.Lines).Select(i => i.Text));
    }

    [Fact]
    public void SplitList_ItemsOfOneLine_KeepTheirColumns()
    {
        var entry = Parse("[metadata]\nkeywords = web,  shop\n").Section("metadata")!.Entries[0];

        Assert.Equal([(2, 12), (2, 18)], SetupCfgTranslator.SplitList(entry.Lines).Select(i => (i.Line, i.Column)));
    }
}

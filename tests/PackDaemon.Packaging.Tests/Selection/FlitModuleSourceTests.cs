using PackDaemon.Packaging.Selection.Flit;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>The docstring and <c>__version__</c> flit_core 3.8 finds in a module's source (its AST pass, and the import
/// fallback's result where packd can know it without running Python).</summary>
public sealed class FlitModuleSourceTests
{
    private static string? Summary(string source)
    {
        var (docstring, _, problem) = FlitModuleSource.Read(source);
        Assert.Null(problem);
        return FlitModuleSource.Summary(docstring);
    }

    private static FlitVersionFinding Version(string source)
    {
        var (_, version, problem) = FlitModuleSource.Read(source);
        Assert.Null(problem);
        return version;
    }

    [Theory]
    [InlineData("\"\"\"Shop.\"\"\"\n", "Shop.")]
    [InlineData("'Single quotes.'\n", "Single quotes.")]
    [InlineData("#!/usr/bin/env python\n# comment before\n\n\"\"\"After comments.\"\"\"\n", "After comments.")]
    [InlineData("\"\"\"\n    Indented, after a blank first line.\n\n    Body.\n\"\"\"\n", "Indented, after a blank first line.")]
    [InlineData("r\"\"\"Raw \\t stays \\n as written.\"\"\"\n", "Raw \\t stays \\n as written.")]
    // inspect.cleandoc expands tabs to 8-column stops before taking the first line.
    [InlineData("\"\"\"Tab\\there, escapes decoded.\"\"\"\n", "Tab     here, escapes decoded.")]
    [InlineData("\"Adjacent \" 'literals ' \"\"\"join.\"\"\"\n", "Adjacent literals join.")]
    [InlineData("(\n  \"In \"\n  \"parentheses.\"\n)\n", "In parentheses.")]
    [InlineData("'''Triple ''' \"quote's \\\"mixed\\\".\"\n", "Triple quote's \"mixed\".")]
    [InlineData("\"\"\"Line one \\\ncontinued.\"\"\"\n", "Line one continued.")]
    [InlineData("\"\"\"Caf\\u00e9 \\x41\\101.\"\"\"\n", "Café AA.")]
    [InlineData("\ufeff\"\"\"After a BOM.\"\"\"\r\n", "After a BOM.")]
    [InlineData("\"\"\"First line.\r\nSecond line.\"\"\"\r\n", "First line.")]
    [InlineData("\"\"\"Doc.\"\"\"; import os\n", "Doc.")]
    public void Docstring_FirstLineOfTheCleanedDocstring(string source, string expected)
        => Assert.Equal(expected, Summary(source));

    [Theory]
    [InlineData("import os\n\"\"\"Not first.\"\"\"\n")]
    [InlineData("b\"\"\"Bytes are not a docstring.\"\"\"\n")]
    [InlineData("f\"\"\"An f-string is not a docstring.\"\"\"\n")]
    [InlineData("\"\"\"Called.\"\"\".strip()\n")]
    [InlineData("\"\"\"   \n\n  \"\"\"\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Docstring_NoneOrEmpty_GivesNoSummary(string source)
        => Assert.Null(Summary(source));

    [Theory]
    [InlineData("__version__ = \"1.0\"\n", "1.0")]
    [InlineData("__version__ = '1.0'  # comment\n", "1.0")]
    [InlineData("__version__ = VERSION = \"2.0\"\n", "2.0")]
    [InlineData("VERSION = __version__ = \"2.1\"\n", "2.1")]
    [InlineData("__version__ = (\n    \"3.\"\n    \"0\"\n)\n", "3.0")]
    [InlineData("__version__ = r'1.0'\n", "1.0")]
    [InlineData("__version__ = \"\"\"1.0\"\"\"\n", "1.0")]
    [InlineData("import x; __version__ = \"4.0\"\n", "4.0")]
    [InlineData("__version__ = get()\n__version__ = \"5.0\"\n", "5.0")]
    [InlineData("__version__ = \"6.0\"\n__version__ = \"ignored\"\n", "6.0")]
    [InlineData("\"\"\"Doc mentions __version__ = '0'.\"\"\"\n__version__ = \"7.0\"\n", "7.0")]
    [InlineData("x = '''\n__version__ = \"0\"\n'''\n__version__ = \"7.1\"\n", "7.1")]
    public void Version_FirstTopLevelStringAssignment(string source, string expected)
    {
        var version = Version(source);

        Assert.Equal(FlitVersionSource.Literal, version.Source);
        Assert.Equal(expected, version.Value);
    }

    [Theory]
    [InlineData("__version__: str = \"1.0\"\n")]
    [InlineData("__version__: Final[str] = '1.0'\ndef show():\n    print(__version__)\n")]
    [InlineData("def f():\n    __version__ = '9'\n__version__: str = \"1.0\"\n")]
    [InlineData("class C:\n    __version__ = '9'\n__version__: str = \"1.0\"\n")]
    public void Version_AnnotatedLiteral_IsWhatFlitsImportGives(string source)
    {
        var version = Version(source);

        Assert.Equal(FlitVersionSource.Literal, version.Source);
        Assert.Equal("1.0", version.Value);
    }

    [Theory]
    [InlineData("__version__ = get_version()\n", 1)]
    [InlineData("from ._version import __version__\n", 1)]
    [InlineData("from ._version import version as __version__\n", 1)]
    [InlineData("try:\n    __version__ = '1.0'\nexcept ImportError:\n    pass\n", 2)]
    [InlineData("if True: __version__ = '1.0'\n", 1)]
    [InlineData("__version__ = f\"1.0\"\n", 1)]
    [InlineData("__version__ = b\"1.0\"\n", 1)]
    [InlineData("__version__ = \"1.\" + \"0\"\n", 1)]
    [InlineData("__version__: str = '1.0'\n__version__ += '.post1'\n", 1)]
    [InlineData("__version__: str = '1.0'\ndef bump():\n    global __version__\n    __version__ = '2'\n", 1)]
    [InlineData("__version__: str = '1.0'\nfrom ._build import *\n", 1)]
    public void Version_NotALiteral_FlitWouldImport(string source, int line)
    {
        var version = Version(source);

        Assert.Equal(FlitVersionSource.NeedsImport, version.Source);
        Assert.Equal(line, version.Line);
    }

    [Theory]
    [InlineData("\"\"\"Doc.\"\"\"\nVERSION = '1.0'\n")]
    [InlineData("def f():\n    return __version__\n")]
    public void Version_NeverAssigned_IsMissing(string source)
        => Assert.Equal(FlitVersionSource.Missing, Version(source).Source);

    [Fact]
    public void Version_ReportsTheLiteralsPosition()
    {
        var version = Version("\"\"\"Doc.\"\"\"\n\n__version__ =  '1.0'\n");

        Assert.Equal((3, 16), (version.Line, version.Column));
    }

    [Theory]
    [InlineData("\"\"\"Never closed.\n", 1)]
    [InlineData("x = 1\ny = 'open\n", 2)]
    [InlineData("\"\"\"\\N{BULLET} needs Python's name table.\"\"\"\n", 1)]
    [InlineData("\"\"\"Bad \\x4 escape.\"\"\"\n", 1)]
    public void UnreadableSource_IsAProblemWithItsLine(string source, int line)
    {
        var (_, _, problem) = FlitModuleSource.Read(source);

        Assert.NotNull(problem);
        Assert.Equal(line, problem.Line);
    }
}

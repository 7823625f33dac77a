using PackDaemon.Packaging.Selection.Poetry;

namespace PackDaemon.Packaging.Tests.Selection;

/// <summary>PoetryGlob against Python 3.11 pathlib's <c>Path.glob</c>, which poetry-core 1.4 uses for packages, include
/// and exclude; every row was checked with <c>Path('.').glob(pattern)</c> on the same paths.</summary>
public sealed class PoetryGlobTests
{
    [Theory]
    [InlineData("*.py", "x.py", true)]
    [InlineData("*.py", ".hidden.py", true)]
    [InlineData("*.py", "a/x.py", false)]
    [InlineData("a/*/z.py", "a/.h/z.py", true)]
    [InlineData("a*", "a", true)]
    public void Star_MatchesWithinOneSegment_HiddenNamesIncluded(string pattern, string path, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder: false));

    [Theory]
    [InlineData("a/m?.py", "a/m1.py", true)]
    [InlineData("a/m?.py", "a/mx.py", true)]
    [InlineData("a/m?.py", "a/m.py", false)]
    [InlineData("a/m?.py", "a/m12.py", false)]
    [InlineData("a?b", "a/b", false)]
    public void QuestionMark_IsExactlyOneCharacterButNotASlash(string pattern, string path, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder: false));

    [Theory]
    [InlineData("a/m[12].py", "a/m1.py", true)]
    [InlineData("a/m[12].py", "a/mx.py", false)]
    [InlineData("a/m[!1].py", "a/m2.py", true)]
    [InlineData("a/m[!1].py", "a/m1.py", false)]
    [InlineData("a/m[!0-9].py", "a/mx.py", true)]
    [InlineData("a/m[!0-9].py", "a/m5.py", false)]
    [InlineData("a/m[0-9].py", "a/m5.py", true)]
    [InlineData("m[^x].py", "m^.py", true)]
    [InlineData("m[^x].py", "mx.py", true)]
    [InlineData("m[^x].py", "my.py", false)]
    public void Brackets_AreASetOrANegatedSet_WithRanges(string pattern, string path, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder: false));

    [Theory]
    [InlineData("m[x.py", "m[x.py", true)]
    [InlineData("m[x.py", "mx.py", false)]
    public void UnclosedBracket_IsALiteral(string pattern, string path, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder: false));

    [Theory]
    [InlineData("a/**/b.txt", "a/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/b.txt", true)]
    [InlineData("a/**/b.txt", "a/x/y/b.txt", true)]
    [InlineData("a/**/b.txt", "b.txt", false)]
    [InlineData("**/*.py", "x.py", true)]
    [InlineData("**/*.py", "a/.h/z.py", true)]
    public void DoubleStarInTheMiddle_IsZeroOrMoreFolders(string pattern, string path, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder: false));

    [Theory]
    [InlineData("a/**", "a", true, true)]
    [InlineData("a/**", "a/x", true, true)]
    [InlineData("a/**", "a/x/y", true, true)]
    [InlineData("a/**", "a/.h", true, true)]
    [InlineData("a/**", "a/b.txt", false, false)]
    [InlineData("a/**", "b", true, false)]
    [InlineData("**", "a/x", true, true)]
    [InlineData("**", "x.py", false, false)]
    public void DoubleStarAtTheEnd_MatchesTheFolderAndFoldersBelow_NeverFiles(string pattern, string path, bool isFolder, bool expected)
        => Assert.Equal(expected, new PoetryGlob(pattern).Matches(path, isFolder));

    [Fact]
    public void DotSegments_AreDropped()
        => Assert.True(new PoetryGlob("./a/x").Matches("a/x", isFolder: true));

    [Fact]
    public void TrailingSlash_MatchesFoldersOnly()
    {
        // Python 3.11: "Return only directories if pattern ends with a pathname components separator".
        var glob = new PoetryGlob("a/x/");

        Assert.True(glob.Matches("a/x", isFolder: true));
        Assert.False(glob.Matches("a/x", isFolder: false));
    }

    [Fact]
    public void Matching_IsCaseSensitive()
        => Assert.False(new PoetryGlob("*.PY").Matches("x.py", isFolder: false));

    [Fact]
    public void APlainName_MatchesOnlyThatPath()
    {
        var glob = new PoetryGlob("app");

        Assert.True(glob.Matches("app", isFolder: true));
        Assert.False(glob.Matches("app/__init__.py", isFolder: false));
        Assert.False(glob.Matches("xapp", isFolder: true));
    }
}

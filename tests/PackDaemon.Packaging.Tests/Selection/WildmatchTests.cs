using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class WildmatchTests
{
    [Theory]
    [InlineData("*.log", "debug.log", true)]
    [InlineData("*.log", "dir/debug.log", false)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "a/c", false)]
    [InlineData("**/foo", "foo", true)]
    [InlineData("**/foo", "a/b/foo", true)]
    [InlineData("**/foo/bar", "x/foo/bar", true)]
    [InlineData("abc/**", "abc/x/y", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/xb", false)]
    [InlineData("a**b", "a/b", false)]
    [InlineData("a**b", "axxb", true)]
    [InlineData("[abc].txt", "b.txt", true)]
    [InlineData("[abc].txt", "d.txt", false)]
    [InlineData("[!abc].txt", "d.txt", true)]
    [InlineData("[^abc].txt", "a.txt", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[[:digit:]]x", "7x", true)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("\\*x", "*x", true)]
    [InlineData("\\*x", "ax", false)]
    [InlineData("\\#a", "#a", true)]
    [InlineData("foo/*", "foo/bar", true)]
    [InlineData("foo/*", "foo/bar/baz", false)]
    [InlineData("[ab", "[ab", true)]
    public void IsMatch_GitWildmatchExamples_MatchesLikeGit(string pattern, string text, bool expected)
        => Assert.Equal(expected, Wildmatch.IsMatch(pattern, text));
    [Fact]
    public void IsMatch_ManyStarsAgainstLongName_FailsWithoutExponentialBacktracking()
    {
        string text = new('a', 200);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        bool matched = Wildmatch.IsMatch("*a*a*a*a*a*a*a*a*a*a*b", text);

        Assert.False(matched);
        Assert.True(watch.ElapsedMilliseconds < 1_000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.True(Wildmatch.IsMatch("*a*a*a*a*a*a*a*a*a*a*b", text + "b"));
    }

    [Theory]
    [InlineData("**/a/**/b", "x/a/y/b", true)]
    [InlineData("**/a/**/b", "x/ay/b", false)]
    [InlineData("a/*/c", "a/b/x/c", false)]
    [InlineData("*/b", "a/b", true)]
    public void IsMatch_StarsAcrossFolders_RespectSlashes(string pattern, string text, bool expected)
        => Assert.Equal(expected, Wildmatch.IsMatch(pattern, text));
}

using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Selection;

public sealed class GitIgnorePatternTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# comment")]
    [InlineData("/")]
    [InlineData("!")]
    public void Parse_BlankOrComment_ReturnsNull(string line) => Assert.Null(GitIgnorePattern.Parse(line, 1));

    [Fact]
    public void Parse_EscapedHash_IsALiteralPattern()
    {
        var pattern = GitIgnorePattern.Parse("\\#notes", 4)!;
        Assert.True(pattern.IsMatch("#notes", isDirectory: false));
        Assert.Equal(4, pattern.Line);
    }

    [Fact]
    public void Parse_EscapedBang_MatchesLiteralBangAndIsNotNegated()
    {
        var pattern = GitIgnorePattern.Parse("\\!important", 1)!;
        Assert.False(pattern.IsNegated);
        Assert.True(pattern.IsMatch("!important", isDirectory: false));
    }

    [Fact]
    public void Parse_TrailingSpaces_AreDroppedUnlessEscaped()
    {
        var plain = GitIgnorePattern.Parse("a.txt   ", 1)!;
        Assert.True(plain.IsMatch("a.txt", isDirectory: false));

        var escaped = GitIgnorePattern.Parse("b\\ ", 1)!;
        Assert.True(escaped.IsMatch("b ", isDirectory: false));
        Assert.False(escaped.IsMatch("b", isDirectory: false));
    }

    [Fact]
    public void IsMatch_TrailingSlash_MatchesDirectoriesOnly()
    {
        var pattern = GitIgnorePattern.Parse("logs/", 1)!;
        Assert.True(pattern.IsMatch("a/logs", isDirectory: true));
        Assert.False(pattern.IsMatch("a/logs", isDirectory: false));
    }

    [Fact]
    public void IsMatch_SlashInMiddle_AnchorsToTheFileFolder()
    {
        var pattern = GitIgnorePattern.Parse("doc/frotz", 1)!;
        Assert.True(pattern.IsMatch("doc/frotz", isDirectory: true));
        Assert.False(pattern.IsMatch("a/doc/frotz", isDirectory: true));
    }

    [Fact]
    public void IsMatch_LeadingSlash_AnchorsToTheFileFolder()
    {
        var pattern = GitIgnorePattern.Parse("/todo.txt", 1)!;
        Assert.True(pattern.IsMatch("todo.txt", isDirectory: false));
        Assert.False(pattern.IsMatch("sub/todo.txt", isDirectory: false));
    }

    [Fact]
    public void IsMatch_NoSlash_MatchesNameAtAnyDepth()
    {
        var pattern = GitIgnorePattern.Parse("*.log", 1)!;
        Assert.True(pattern.IsMatch("a/b/c.log", isDirectory: false));
        Assert.False(pattern.IsMatch("a/b/c.logx", isDirectory: false));
    }
}

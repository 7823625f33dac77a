using PackDaemon.Packaging.Requirements;

namespace PackDaemon.Packaging.Tests.Requirements;

/// <summary>Each case was run through Debian's setuptools 66 (<c>setuptools._reqs.parse</c>): the readable ones parse,
/// the others raise InvalidRequirement or, for a continued <c>--hash</c>, yield a garbage requirement.</summary>
public sealed class SetuptoolsRequirementsSyntaxTests
{
    [Theory]
    [InlineData("# pinned\n\nflask==2.0  # web\n")]
    [InlineData("click==8.1.7 \\\n  ; python_version > '3'\n")]
    [InlineData("importlib-metadata==7.1.0 ; python_version < \"3.10\"\r\n")]
    [InlineData("")]
    public void FirstUnreadable_BareRequirementsCommentsAndContinuations_Null(string text)
        => Assert.Null(SetuptoolsRequirementsSyntax.FirstUnreadable(text));

    [Theory]
    [InlineData("flask\n-r base.txt\n", 2, "-r base.txt")]
    [InlineData("--index-url https://pypi.example/simple\nflask\n", 1, "--index-url https://pypi.example/simple")]
    [InlineData("-e .\n", 1, "-e .")]
    [InlineData("# c\nclick==8.1.7 \\\n    --hash=sha256:ae74\nflask\n", 2, "click==8.1.7 --hash=sha256:ae74")]
    [InlineData("  -c constraints.txt  # pinned elsewhere\n", 1, "-c constraints.txt")]
    public void FirstUnreadable_PipSyntax_NamesTheLineWhereItStarts(string text, int line, string logical)
        => Assert.Equal((line, logical), SetuptoolsRequirementsSyntax.FirstUnreadable(text));
}

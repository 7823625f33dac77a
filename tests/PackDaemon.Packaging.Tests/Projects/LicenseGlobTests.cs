using PackDaemon.Packaging.Projects;

namespace PackDaemon.Packaging.Tests.Projects;

public sealed class LicenseGlobTests
{
    [Theory]
    [InlineData("LICEN[CS]E*", "LICENSE", true)]
    [InlineData("LICEN[CS]E*", "LICENCE.txt", true)]
    [InlineData("LICEN[CS]E*", "LICENZE", false)]
    [InlineData("LICEN[CS]E*", "license", false)]
    [InlineData("[a-c]?.txt", "b1.txt", true)]
    [InlineData("[a-c]?.txt", "d1.txt", false)]
    [InlineData("*.txt", "a.txt.bak", false)]
    [InlineData("*a*b*", "xaybz", true)]
    [InlineData("COPYING*", "COPYING", true)]
    public void SegmentMatches_Wildcards(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, LicenseGlob.SegmentMatches(pattern, name));
    }

    [Theory]
    [InlineData("LICENSE", null)]
    [InlineData("licenses/**/*.txt", null)]
    [InlineData("a/../LICENSE", "`..`")]
    [InlineData("a**/x", "`**`")]
    [InlineData("LICEN[CS", "never closed")]
    [InlineData("LIC!", "`!`")]
    public void Validate_PortableGlobRules(string pattern, string? problemFragment)
    {
        var problem = LicenseGlob.Validate(pattern);

        if (problemFragment is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(problemFragment, problem, StringComparison.Ordinal);
        }
    }
}

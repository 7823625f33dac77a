using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Tests.Standards;

public sealed class Pep440VersionTests
{
    [Theory]
    // Case, integers, trailing zeros kept.
    [InlineData("1.0", "1.0")]
    [InlineData("1.0.0", "1.0.0")]
    [InlineData("1.1RC1", "1.1rc1")]
    [InlineData("00", "0")]
    [InlineData("09000", "9000")]
    [InlineData("1.0.02", "1.0.2")]
    [InlineData("1.2.3.4.5", "1.2.3.4.5")]
    // Epoch.
    [InlineData("1!1.0", "1!1.0")]
    [InlineData("0!1.0", "1.0")]
    [InlineData("01!2.0", "1!2.0")]
    // Pre-releases: separators, spellings, implicit number.
    [InlineData("1.1a1", "1.1a1")]
    [InlineData("1.1.a1", "1.1a1")]
    [InlineData("1.1-a1", "1.1a1")]
    [InlineData("1.1_a_1", "1.1a1")]
    [InlineData("1.1alpha1", "1.1a1")]
    [InlineData("1.1beta2", "1.1b2")]
    [InlineData("1.1c3", "1.1rc3")]
    [InlineData("1.1pre3", "1.1rc3")]
    [InlineData("1.1preview3", "1.1rc3")]
    [InlineData("1.2a", "1.2a0")]
    [InlineData("1.0RC01", "1.0rc1")]
    // Post-releases: separators, spellings, implicit number, implicit form.
    [InlineData("1.2-post2", "1.2.post2")]
    [InlineData("1.2post2", "1.2.post2")]
    [InlineData("1.2.post", "1.2.post0")]
    [InlineData("1.2_post_2", "1.2.post2")]
    [InlineData("1.0-r4", "1.0.post4")]
    [InlineData("1.0rev4", "1.0.post4")]
    [InlineData("1.0-1", "1.0.post1")]
    // Dev releases.
    [InlineData("1.2-dev2", "1.2.dev2")]
    [InlineData("1.2dev2", "1.2.dev2")]
    [InlineData("1.2.dev", "1.2.dev0")]
    [InlineData("1.0a1.post2.dev3", "1.0a1.post2.dev3")]
    [InlineData("1.0rc1-1-dev2", "1.0rc1.post1.dev2")]
    // Local versions.
    [InlineData("1.0+ubuntu-1", "1.0+ubuntu.1")]
    [InlineData("1.0+Ubuntu_1", "1.0+ubuntu.1")]
    [InlineData("1.0+abc.5", "1.0+abc.5")]
    [InlineData("1.0+001", "1.0+1")]
    // Leading v and surrounding whitespace.
    [InlineData("v1.0", "1.0")]
    [InlineData("V1.0", "1.0")]
    [InlineData("  1.0\t", "1.0")]
    [InlineData("1.0\n", "1.0")]
    public void TryParse_ValidVersion_NormalizesPerSpec(string text, string expected)
    {
        Assert.True(Pep440Version.TryParse(text, out Pep440Version? version));
        Assert.Equal(expected, version.Normalized);
        Assert.Equal(expected, version.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("1.0-")]
    [InlineData("1.0.")]
    [InlineData("1..0")]
    [InlineData(".1")]
    [InlineData("a1.0")]
    [InlineData("1.0+")]
    [InlineData("1.0+a..b")]
    [InlineData("1.0+a+b")]
    [InlineData("1.0.*")]
    [InlineData("1.0 1")]
    [InlineData("vv1.0")]
    [InlineData("1.0foo")]
    [InlineData("1.0-dev-1-post")]
    [InlineData("!1.0")]
    public void TryParse_InvalidVersion_ReturnsFalse(string text)
    {
        Assert.False(Pep440Version.TryParse(text, out Pep440Version? version));
        Assert.Null(version);
    }

    [Theory]
    [InlineData("1.0", false)]
    [InlineData("1.0+local", true)]
    public void HasLocal_Version_ReportsLocalLabel(string text, bool expected)
    {
        Assert.True(Pep440Version.TryParse(text, out Pep440Version? version));
        Assert.Equal(expected, version.HasLocal);
    }

    [Fact]
    public void TryParse_HugeNumbers_KeepAllDigits()
    {
        Assert.True(Pep440Version.TryParse("1.000000000000000000000000000012345678901234567890", out Pep440Version? version));
        Assert.Equal("1.12345678901234567890", version.Normalized);
    }
}

using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Tests.Standards;

public sealed class ProjectNameTests
{
    [Theory]
    [InlineData("a", true)]
    [InlineData("Flask", true)]
    [InlineData("zope.interface", true)]
    [InlineData("my_app-2", true)]
    [InlineData("A1", true)]
    [InlineData("", false)]
    [InlineData("-app", false)]
    [InlineData("app-", false)]
    [InlineData("app.", false)]
    [InlineData("_app", false)]
    [InlineData("my app", false)]
    [InlineData("café", false)]
    [InlineData("app\n", false)] // \Z, not $: a trailing newline is invalid.
    [InlineData("app+x", false)]
    public void IsValid_Name_MatchesNameFormatRegex(string name, bool expected)
    {
        Assert.Equal(expected, ProjectName.IsValid(name));
    }

    [Theory]
    // The spec's examples: all of these normalize to "friendly-bard".
    [InlineData("friendly-bard", "friendly-bard")]
    [InlineData("Friendly-Bard", "friendly-bard")]
    [InlineData("FRIENDLY-BARD", "friendly-bard")]
    [InlineData("friendly.bard", "friendly-bard")]
    [InlineData("friendly_bard", "friendly-bard")]
    [InlineData("friendly--bard", "friendly-bard")]
    [InlineData("FrIeNdLy-._.-bArD", "friendly-bard")]
    [InlineData("Django", "django")]
    public void Normalize_Name_CollapsesSeparatorRunsAndLowercases(string name, string expected)
    {
        Assert.Equal(expected, ProjectName.Normalize(name));
    }

    [Theory]
    [InlineData("FrIeNdLy-._.-bArD", "friendly_bard")]
    [InlineData("zope.interface", "zope_interface")]
    [InlineData("My-App", "my_app")]
    [InlineData("a__b", "a_b")]
    public void ToFileNameComponent_Name_IsNormalizedWithUnderscores(string name, string expected)
    {
        Assert.Equal(expected, ProjectName.ToFileNameComponent(name));
    }

    [Theory]
    [InlineData("Foo_Bar", "foo-bar")]
    [InlineData("tests.all", "tests-all")]
    [InlineData("DEV", "dev")]
    public void ExtraNameNormalize_Pep685_LikeProjectNames(string name, string expected)
    {
        string normalized = ExtraName.Normalize(name);
        Assert.Equal(expected, normalized);
        Assert.True(ExtraName.IsNormalized(normalized));
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("a-b", true)]
    [InlineData("a--b", false)]
    [InlineData("A", false)]
    [InlineData("a_b", false)]
    [InlineData("-a", false)]
    [InlineData("", false)]
    public void ExtraNameIsNormalized_Text_MatchesProvidesExtraPattern(string name, bool expected)
    {
        Assert.Equal(expected, ExtraName.IsNormalized(name));
    }

    [Theory]
    [InlineData("dev", true)]
    [InlineData("Dev_Tools", true)]
    [InlineData("dev tools", false)]
    [InlineData("-dev", false)]
    public void ExtraNameIsValid_Text_FollowsNameRules(string name, bool expected)
    {
        Assert.Equal(expected, ExtraName.IsValid(name));
    }
}

using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Tests.Standards;

public sealed class RequirementTests
{
    [Theory]
    [InlineData("requests", "requests")]
    [InlineData("  requests  ", "requests")]
    [InlineData("Flask_Login", "Flask_Login")]
    // The PEP 508 examples.
    [InlineData("A", "A")]
    [InlineData("A.B-C_D", "A.B-C_D")]
    [InlineData("aa", "aa")]
    [InlineData("name<=1", "name<=1")]
    [InlineData("name>=3,<2", "name<2,>=3")]
    [InlineData("name@http://foo.com", "name @ http://foo.com")]
    [InlineData("name [fred,bar] @ http://foo.com ; python_version=='2.7'", "name[bar,fred] @ http://foo.com ; python_version == \"2.7\"")]
    [InlineData("name[quux, strange];python_version<'2.7' and platform_version=='2'", "name[quux,strange]; python_version < \"2.7\" and platform_version == \"2\"")]
    [InlineData("name; os_name=='a' or os_name=='b'", "name; os_name == \"a\" or os_name == \"b\"")]
    [InlineData("name; os_name=='a' and os_name=='b' or os_name=='c'", "name; os_name == \"a\" and os_name == \"b\" or os_name == \"c\"")]
    [InlineData("name; os_name=='a' and (os_name=='b' or os_name=='c')", "name; os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")")]
    [InlineData("name; (os_name=='a' or os_name=='b') and os_name=='c'", "name; (os_name == \"a\" or os_name == \"b\") and os_name == \"c\"")]
    [InlineData("requests [security,tests] >= 2.8.1, == 2.8.* ; python_version < \"2.7\"", "requests[security,tests]==2.8.*,>=2.8.1; python_version < \"2.7\"")]
    // Parenthesised specifiers are accepted when reading, never written.
    [InlineData("name (>=1.0)", "name>=1.0")]
    [InlineData("name ( >= 1.0 , < 2 )", "name<2,>=1.0")]
    // Extras are normalized (PEP 685), deduplicated and sorted.
    [InlineData("name[Foo_Bar,a]", "name[a,foo-bar]")]
    [InlineData("name[b,B]", "name[b]")]
    [InlineData("name[]", "name")]
    // Specifiers: all operators; duplicates collapse like a SpecifierSet.
    [InlineData("name~=1.4.2", "name~=1.4.2")]
    [InlineData("name==1.0+local", "name==1.0+local")]
    [InlineData("name!=1.3.*", "name!=1.3.*")]
    [InlineData("name===foobar", "name===foobar")]
    [InlineData("name>1,>1", "name>1")]
    [InlineData("name>=1.0.0", "name>=1.0.0")]
    // Markers: quote styles, in / not in, reversed operands, extra normalized, whole-marker parentheses dropped.
    [InlineData("name; 'linux' in sys_platform", "name; \"linux\" in sys_platform")]
    [InlineData("name; sys_platform not in \"win32 cygwin\"", "name; sys_platform not in \"win32 cygwin\"")]
    [InlineData("name; '3.8' <= python_version", "name; \"3.8\" <= python_version")]
    [InlineData("name; extra == 'Foo_Bar'", "name; extra == \"foo-bar\"")]
    [InlineData("name; (python_version >= '3.8')", "name; python_version >= \"3.8\"")]
    [InlineData("name; os_name == 'a' and ((os_name == 'b' or os_name == 'c'))", "name; os_name == \"a\" and (os_name == \"b\" or os_name == \"c\")")]
    [InlineData("name; python_full_version >= '3.8.1' and implementation_name == 'cpython'", "name; python_full_version >= \"3.8.1\" and implementation_name == \"cpython\"")]
    [InlineData("name; python_version == '3.*'", "name; python_version == \"3.*\"")]
    [InlineData("name; platform_machine=='x86_64'and os_name=='posix'", "name; platform_machine == \"x86_64\" and os_name == \"posix\"")]
    [InlineData("name; platform_version == 'say \"hi\"'", "name; platform_version == 'say \"hi\"'")]
    public void TryParse_ValidRequirement_WritesCanonicalText(string text, string expected)
    {
        Assert.True(Requirement.TryParse(text, out Requirement? requirement, out string? error, out _), error);
        Assert.Equal(expected, requirement.ToMetadataString());
    }

    [Fact]
    public void TryParse_FullRequirement_FillsEveryPart()
    {
        Assert.True(Requirement.TryParse("Django[Argon2, bcrypt] >=4.2, <5 ; python_version >= '3.10'", out Requirement? r, out _, out _));
        Assert.Equal("Django", r.Name);
        Assert.Equal("django", r.NormalizedName);
        Assert.Equal(["argon2", "bcrypt"], r.Extras);
        Assert.Equal("<5,>=4.2", r.Specifier);
        Assert.Null(r.Url);
        Assert.Equal("python_version >= \"3.10\"", r.Marker);
    }

    [Theory]
    [InlineData("", 1, "package name")]
    [InlineData("-name", 1, "package name")]
    [InlineData("name-", 1, "not a valid package name")]
    [InlineData("name=1.0", 5, "'=='")]
    [InlineData("name>=1.0.*", 7, "wildcard")]
    [InlineData("name<1.0.*", 6, "wildcard")]
    [InlineData("name==1.0a1.*", 7, "wildcard version")]
    [InlineData("name~=1", 7, "two release numbers")]
    [InlineData("name>=1.0+local", 7, "local version")]
    [InlineData("name>=1.0.x", 7, "PEP 440")]
    [InlineData("name>=", 7, "expected a version")]
    [InlineData("name>=1 2", 9, "unexpected '2'")]
    [InlineData("name>=1,", 9, "version operator")]
    [InlineData("name (>=1", 10, "')'")]
    [InlineData("name[extra", 11, "',' or ']'")]
    [InlineData("name[-x]", 6, "extra name")]
    [InlineData("name @", 7, "URL")]
    [InlineData("name @ notaurl", 8, "absolute URL")]
    [InlineData("name @ https://x/y.whl; python_version>'3'", 23, "space before ';'")]
    [InlineData("name @ https://x/y.whl extra", 24, "after the URL")]
    [InlineData("name;", 6, "marker")]
    [InlineData("name; foo == 'x'", 7, "unknown marker variable 'foo'")]
    [InlineData("name; os.name == 'posix'", 7, "use 'os_name'")]
    [InlineData("name; extras == 'a'", 7, "lock files")]
    [InlineData("name; dependency_groups == 'a'", 7, "lock files")]
    [InlineData("name; extra >= 'x'", 13, "'extra' can only be compared")]
    [InlineData("name; extra == 'a b'", 16, "extra name")]
    [InlineData("name; os_name >= 'x'", 15, "is a string")]
    [InlineData("name; sys_platform ~= 'x'", 20, "is a string")]
    [InlineData("name; platform_release === 'x'", 24, "is a string")]
    [InlineData("name; python_version in '2.7 3.4'", 22, "is a version")]
    [InlineData("name; python_version > '3.x'", 24, "PEP 440")]
    [InlineData("name; python_version >= '3.*'", 25, "wildcard")]
    [InlineData("name; python_version == '3.8", 25, "unterminated")]
    [InlineData("name; 'a' == 'b'", 7, "two strings")]
    [InlineData("name; os_name == sys_platform", 7, "two marker variables")]
    [InlineData("name; (os_name == 'a'", 22, "')'")]
    [InlineData("name; os_name == 'a')", 21, "unmatched ')'")]
    [InlineData("name; os_name == 'a' xor os_name == 'b'", 22, "'and', 'or'")]
    [InlineData("name; os_name = 'a'", 15, "marker operator")]
    [InlineData("name; os_name == 'a' and", 25, "found the end")]
    public void TryParse_InvalidRequirement_ReportsMessageAndColumn(string text, int column, string messagePart)
    {
        Assert.False(Requirement.TryParse(text, out Requirement? requirement, out string? error, out int errorColumn));
        Assert.Null(requirement);
        Assert.Contains(messagePart, error, StringComparison.Ordinal);
        Assert.Equal(column, errorColumn);
    }

    [Theory]
    [InlineData("name>=1", "dev", "name>=1; extra == \"dev\"")]
    [InlineData("name>=1", "Dev_Tools", "name>=1; extra == \"dev-tools\"")]
    [InlineData("name; os_name == 'a' or os_name == 'b'", "dev", "name; (os_name == \"a\" or os_name == \"b\") and extra == \"dev\"")]
    [InlineData("name @ https://x/y.whl", "dev", "name @ https://x/y.whl ; extra == \"dev\"")]
    public void WithExtra_Requirement_AddsParenthesizedExtraMarker(string text, string extra, string expected)
    {
        Assert.True(Requirement.TryParse(text, out Requirement? requirement, out _, out _));
        string written = requirement.WithExtra(extra).ToMetadataString();
        Assert.Equal(expected, written);

        // What we write must read back to itself.
        Assert.True(Requirement.TryParse(written, out Requirement? reread, out string? error, out _), error);
        Assert.Equal(written, reread.ToMetadataString());
    }

    [Theory]
    [InlineData("name; os_name == 'a\nInjected: x'", 20)]
    [InlineData("name @ https://x/y\nInjected: x", 19)]
    [InlineData("name===a\rb", 9)]
    [InlineData("name\n", 5)]
    [InlineData("name; os_name == 'a\u2028'", 20)]
    public void TryParse_LineBreakAnywhere_IsRejected(string text, int column)
    {
        Assert.False(Requirement.TryParse(text, out _, out string? error, out int errorColumn));
        Assert.Contains("line break", error, StringComparison.Ordinal);
        Assert.Equal(column, errorColumn);
    }

    [Fact]
    public void Equals_SameContentDifferentLists_AreEqual()
    {
        Assert.True(Requirement.TryParse("a[x,y]>=1", out Requirement? first, out _, out _));
        Assert.True(Requirement.TryParse("a [Y, x] (>=1)", out Requirement? second, out _, out _));
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, first with { Extras = ["x"] });
    }

    [Fact]
    public void WithExtra_InvalidExtra_Throws()
    {
        Assert.True(Requirement.TryParse("a", out Requirement? requirement, out _, out _));
        Assert.Throws<ArgumentException>(() => requirement.WithExtra("not valid"));
    }

    [Theory]
    [InlineData(">=3.9", ">=3.9")]
    [InlineData(" >= 3.9 , <4 ", "<4,>=3.9")]
    [InlineData("~=3.10", "~=3.10")]
    [InlineData("", "")]
    public void VersionSpecifiers_Valid_Normalizes(string text, string expected)
    {
        Assert.True(VersionSpecifiers.TryNormalize(text, out string? normalized, out string? error, out _), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("3.9", 1)]
    [InlineData("(>=3.9)", 1)]
    [InlineData(">=3.9; python_version > '3'", 6)]
    [InlineData(">=3.9.*", 3)]
    public void VersionSpecifiers_Invalid_ReportsColumn(string text, int column)
    {
        Assert.False(VersionSpecifiers.TryNormalize(text, out _, out _, out int errorColumn));
        Assert.Equal(column, errorColumn);
    }

    [Theory]
    [InlineData("python_version<'3.10'", "python_version < \"3.10\"")]
    [InlineData("(sys_platform=='win32')", "sys_platform == \"win32\"")]
    public void EnvironmentMarker_Valid_Normalizes(string text, string expected)
    {
        Assert.True(EnvironmentMarker.TryNormalize(text, out string? normalized, out string? error, out _), error);
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("python_version < '3.10' or", 27)]
    [InlineData("platform == 'x'", 1)]
    public void EnvironmentMarker_Invalid_ReportsColumn(string text, int column)
    {
        Assert.False(EnvironmentMarker.TryNormalize(text, out _, out _, out int errorColumn));
        Assert.Equal(column, errorColumn);
    }
}

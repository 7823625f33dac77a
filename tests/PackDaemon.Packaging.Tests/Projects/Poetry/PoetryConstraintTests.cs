using PackDaemon.Packaging.Projects.Poetry;

namespace PackDaemon.Packaging.Tests.Projects.Poetry;

/// <summary>What poetry-core 1.4 writes for each constraint spelling (expected values taken from poetry-core 1.4 itself).</summary>
public sealed class PoetryConstraintTests
{
    [Theory]
    [InlineData("^1.2", ">=1.2,<2.0")]
    [InlineData("^1.2.3", ">=1.2.3,<2.0.0")]
    [InlineData("^0.2.3", ">=0.2.3,<0.3.0")]
    [InlineData("^0.0.3", ">=0.0.3,<0.0.4")]
    [InlineData("^0", ">=0,<1")]
    [InlineData("~1.2", ">=1.2,<1.3")]
    [InlineData("~1.2.3", ">=1.2.3,<1.3.0")]
    [InlineData("~1", ">=1,<2")]
    [InlineData("~=1.2", ">=1.2,<2.0")]
    [InlineData("~=1.2.3", ">=1.2.3,<1.3.0")]
    [InlineData("1.2.*", ">=1.2.0,<1.3.0")]
    [InlineData("1.*", ">=1.0.0,<2.0.0")]
    [InlineData("0.*", "<1.0.0")]
    [InlineData("*", "")]
    [InlineData(">=1.0 <2.0", ">=1.0,<2.0")]
    [InlineData(">=1.0,>=1.5", ">=1.5")]
    [InlineData("1.2", "==1.2")]
    [InlineData("!=1.5", "!=1.5")]
    [InlineData(">=1.0,!=1.5", ">=1.0,!=1.5")]
    [InlineData(">=2.0,!=1.5", ">=2.0")]
    [InlineData("^1.0 || ^2.0", ">=1.0,<3.0")]
    [InlineData("!=1.2.*", "!=1.2.*")]
    [InlineData(">=1.0,<2.0,!=1.5", ">=1.0,<2.0,!=1.5")]
    public void RequirementSpecifier_IsPoetryCoresSpelling(string constraint, string expected)
        => Assert.Equal(expected, PoetryConstraint.Parse(constraint, out _)!.ToRequirementSpecifier());

    [Fact]
    public void UnionThatStaysAUnion_IsNotWritten()
        => Assert.Null(PoetryConstraint.Parse("^1.0 || ^3.0", out _)!.ToRequirementSpecifier());

    [Fact]
    public void PreRelease_IsLeftToPoetryCore()
    {
        Assert.Null(PoetryConstraint.Parse(">=1.0b1", out var error));
        Assert.NotNull(error);
    }

    [Theory]
    [InlineData("^3.8", ">=3.8,<4.0")]
    [InlineData("~3.8", ">=3.8,<3.9")]
    [InlineData("3.8", ">=3.8,<3.9")]
    [InlineData("3", ">=3.0,<4.0")]
    [InlineData("3.8.1", "==3.8.1")]
    [InlineData("~2.7 || >=3.4", ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*, !=3.3.*")]
    [InlineData("^3.8 || ^3.6", ">=3.6,<4.0")]
    public void RequiresPython_IsPoetryCoresSpelling(string constraint, string expected)
        => Assert.Equal(expected, PoetryConstraint.Parse(constraint, out _)!.ToRequiresPython());

    [Fact]
    public void PythonClassifiers_FollowTheConstraint_AndSortAfterTheLicense()
    {
        var classifiers = PoetryClassifiers.All(["Framework :: Flask"], PoetryConstraint.Parse("^3.9", out _), PoetryLicense.Find("mit"));

        Assert.Equal(
            ["Framework :: Flask", "License :: OSI Approved :: MIT License", "Programming Language :: Python :: 3",
             "Programming Language :: Python :: 3.9", "Programming Language :: Python :: 3.10", "Programming Language :: Python :: 3.11"],
            classifiers);
    }

    [Theory]
    [InlineData("MIT", "MIT", "License :: OSI Approved :: MIT License")]
    [InlineData("apache-2.0", "Apache-2.0", "License :: OSI Approved :: Apache Software License")]
    [InlineData("MIT License", "MIT", "License :: OSI Approved :: MIT License")]
    [InlineData("LicenseRef-Internal", "LicenseRef-Internal", "License :: Other/Proprietary License")]
    [InlineData("0BSD", "0BSD", "License :: Other/Proprietary License")]
    public void License_IdAndClassifier(string text, string id, string classifier)
    {
        var license = PoetryLicense.Find(text);
        Assert.Equal(id, license.Id);
        Assert.Equal(classifier, license.Classifier);
    }

    [Fact]
    public void Dependency_TableWithMarkersPythonAndExtras()
    {
        var table = new Tomlyn.Model.TomlTable { ["version"] = "^1.0", ["markers"] = "sys_platform=='win32'", ["python"] = ">=3.8" };
        var dependency = PoetryDependency.Translate("foo", table, out _)!;

        Assert.Equal("foo (>=1.0,<2.0) ; sys_platform == \"win32\" and python_version >= \"3.8\"", dependency.ToRequiresDist([]));
        Assert.Equal("foo (>=1.0,<2.0) ; (sys_platform == \"win32\" and python_version >= \"3.8\") and (extra == \"a\" or extra == \"b\")",
            dependency.ToRequiresDist(["a", "b"]));
    }

    [Fact]
    public void Dependency_Git_WritesTheReferenceAndSubdirectory()
    {
        var table = new Tomlyn.Model.TomlTable { ["git"] = "https://github.com/a/b.git", ["rev"] = "abc123", ["subdirectory"] = "sub" };

        Assert.Equal("Foo_Bar @ git+https://github.com/a/b.git@abc123#subdirectory=sub",
            PoetryDependency.Translate("Foo_Bar", table, out _)!.ToRequiresDist([]));
    }

    [Fact]
    public void Dependency_PathIsLeftToPoetryCore()
    {
        Assert.Null(PoetryDependency.Translate("local", new Tomlyn.Model.TomlTable { ["path"] = "../local" }, out var why));
        Assert.Contains("path", why, StringComparison.Ordinal);
    }
}

using PackDaemon.Packaging.Selection;
using Xunit;

namespace PackDaemon.Packaging.Tests.Secrets;

public sealed class SecretAllowGlobTests
{
    [Theory]
    [InlineData("tests/keys/*.pem", "tests/keys/server.pem", true)]
    [InlineData("tests/keys/*.pem", "tests/keys/sub/server.pem", false)]
    [InlineData("tests/keys/*.pem", "other/tests/keys/server.pem", false)]
    [InlineData("tests/keys/*.pem", "tests/keys/server.pem.bak", false)]
    [InlineData("*.pem", "server.pem", true)]
    [InlineData("*.pem", "app/server.pem", false)]
    [InlineData("**/*.pem", "server.pem", true)]
    [InlineData("**/*.pem", "a/b/c/server.pem", true)]
    [InlineData("tests/**/.env", "tests/.env", true)]
    [InlineData("tests/**/.env", "tests/a/b/.env", true)]
    [InlineData("tests/**", "tests/a/b/.env", true)]
    [InlineData("tests/", "tests/a/.env", true)]
    [InlineData("tests/", "testsuite/.env", false)]
    [InlineData("./tests/.env", "tests/.env", true)]
    [InlineData("/tests/.env", "tests/.env", true)]
    [InlineData("tests\\.env", "tests/.env", true)]
    [InlineData("tests/.env.?", "tests/.env.1", true)]
    [InlineData("tests/.env.?", "tests/.env.12", false)]
    [InlineData("tests/*key*.json", "tests/service-key-1.json", true)]
    [InlineData("Tests/.env", "tests/.env", false)]
    public void IsMatch_Pattern_MatchesAnchoredAtRoot(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, new SecretAllowGlob(pattern).IsMatch(path));
    }

    [Fact]
    public void AllowingPattern_SeveralPatterns_ReturnsFirstMatch()
    {
        var guard = new SecretsGuard(["docs/**", "tests/**/*.pem", "tests/**"]);

        Assert.Equal("tests/**/*.pem", guard.AllowingPattern("tests/k/a.pem"));
        Assert.Equal("tests/**", guard.AllowingPattern("tests/.env"));
        Assert.Null(guard.AllowingPattern("app/.env"));
    }
}

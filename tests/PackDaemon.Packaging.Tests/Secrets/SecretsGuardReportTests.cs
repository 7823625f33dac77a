using PackDaemon.Packaging.Diagnostics;
using PackDaemon.Packaging.Selection;
using Xunit;
using static PackDaemon.Packaging.Tests.Secrets.SecretSamples;

namespace PackDaemon.Packaging.Tests.Secrets;

public sealed class SecretsGuardReportTests
{
    private const string EnvWithSecret = "DEBUG=0\nSECRET_KEY=django-insecure-9x!f3k2\n";

    [Fact]
    public void Report_EnvSecretInWheel_ErrorNamingFileLineRuleAndFix()
    {
        var diagnostic = Assert.Single(Report(".env", EnvWithSecret, ArtifactKind.Wheel));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.SecretEnvValue, diagnostic.Code);
        Assert.Equal(".env", diagnostic.File);
        Assert.Equal(2, diagnostic.Line);
        Assert.Equal(1, diagnostic.Column);
        Assert.Contains(SecretRules.EnvSecretValue, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("environment", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Contains(".gitignore", diagnostic.Fix, StringComparison.Ordinal);
        Assert.Contains("[tool.packd] secrets-allow", diagnostic.Fix, StringComparison.Ordinal);
        Assert.StartsWith(".env:2:1: error PD4005: ", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_EnvSecretInTestFolder_WarningInSdistErrorInWheel()
    {
        var sdist = Assert.Single(Report("tests/.env", EnvWithSecret, ArtifactKind.Sdist));
        var wheel = Assert.Single(Report("tests/.env", EnvWithSecret, ArtifactKind.Wheel));

        Assert.Equal(DiagnosticSeverity.Warning, sdist.Severity);
        Assert.Contains("test folder", sdist.Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSeverity.Error, wheel.Severity);
    }

    [Theory]
    [InlineData("tests/fixtures/key.pem", DiagnosticSeverity.Warning)]
    [InlineData("src/app/test/key.pem", DiagnosticSeverity.Warning)]
    [InlineData("testing/key.pem", DiagnosticSeverity.Warning)]
    [InlineData("pkg/testdata/key.pem", DiagnosticSeverity.Warning)]
    [InlineData("app/tests.pem", DiagnosticSeverity.Error)]
    [InlineData("app/latest/key.pem", DiagnosticSeverity.Error)]
    [InlineData("key.pem", DiagnosticSeverity.Error)]
    public void Report_PrivateKeyInSdist_WarningOnlyUnderTestFolders(string path, DiagnosticSeverity expected)
    {
        Assert.Equal(expected, Assert.Single(Report(path, Pem("RSA PRIVATE KEY"), ArtifactKind.Sdist)).Severity);
    }

    [Theory]
    [InlineData(ArtifactKind.Sdist)]
    [InlineData(ArtifactKind.Wheel)]
    public void Report_EnvFixtureWithoutSecrets_WarningInBothArtifacts(ArtifactKind kind)
    {
        var diagnostic = Assert.Single(Report("tests/.env", "FOO=env\n", kind));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.SecretEnvFile, diagnostic.Code);
    }

    [Theory]
    [InlineData(ArtifactKind.Wheel)]
    [InlineData(ArtifactKind.Sdist)]
    public void Report_SecretsFixtureProject_ErrorsForPackageEnvAndKeyWarningForTestEnv(ArtifactKind kind)
    {
        var guard = new SecretsGuard([]);
        var bag = new DiagnosticBag();
        (string Path, string Text)[] files =
        [
            ("secrets_pkg/.env", "SECRET_KEY=fake-not-a-secret-0123456789abcdef\nDATABASE_URL=sqlite:///fake.db\n"),
            ("secrets_pkg/cli.py", "def main():\n    print('hi')\n"),
            ("tests/.env", "FOO=env\n"),
            ("deploy/id_rsa", Pem("RSA PRIVATE KEY")),
        ];
        foreach (var (path, text) in files)
        {
            guard.Report(guard.Scan(path, System.Text.Encoding.UTF8.GetBytes(text)), kind, bag);
        }

        string[] expected =
        [
            "secrets_pkg/.env:1:1: error PD4005",
            "tests/.env:1:1: warning PD4007",
            "deploy/id_rsa:1:1: error PD4001",
        ];
        Assert.Equal(expected, bag.Items.Select(d => d.ToString()[..d.ToString().IndexOf(':', d.ToString().IndexOf(" PD", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Report_AllowListedKey_WarningNamingThePattern()
    {
        var diagnostic = Assert.Single(Report("tests/keys/server.pem", Pem("PRIVATE KEY"), ArtifactKind.Wheel, "docs/*.md", "tests/keys/*.pem"));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.SecretPrivateKey, diagnostic.Code);
        Assert.Contains("allowed by [tool.packd] secrets-allow 'tests/keys/*.pem'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("remove 'tests/keys/*.pem' from [tool.packd] secrets-allow", diagnostic.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AllowListedEnvFixture_WarningSaysAllowListUsed()
    {
        var diagnostic = Assert.Single(Report("tests/.env", "FOO=env\n", ArtifactKind.Sdist, "tests/.env"));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("allowed by [tool.packd] secrets-allow 'tests/.env'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_AllowListNotMatching_StillError()
    {
        var diagnostic = Assert.Single(Report("tests/keys/nested/server.pem", Pem("PRIVATE KEY"), ArtifactKind.Wheel, "tests/keys/*.pem"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Report_LoneAwsKeyIdInWheel_Warning()
    {
        var diagnostic = Assert.Single(Report("app/settings.py", $"KEY_ID = '{AwsKeyId}'\n", ArtifactKind.Wheel));

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.SecretAwsAccessKeyId, diagnostic.Code);
    }

    [Fact]
    public void Report_EachRule_HasItsCode()
    {
        string text = $"a = '{GitHubClassic}'\nk = '{AwsKeyId}'\nsecret = '{AwsSecret}'\n" + Pem("EC PRIVATE KEY");

        var codes = Report("app/config.py", text, ArtifactKind.Wheel).Select(d => d.Code);

        Assert.Equal([DiagnosticCodes.SecretCredentialToken, DiagnosticCodes.SecretAwsCredentials, DiagnosticCodes.SecretPrivateKey], codes);
    }

    public static TheoryData<string, string, string> Secrets => new()
    {
        { "app/pem.py", Pem("RSA PRIVATE KEY"), KeyBody },
        { "app/aws.cfg", $"aws_access_key_id={AwsKeyId}\naws_secret_access_key={AwsSecret}\n", AwsKeyId },
        { "app/gh.py", $"T = '{GitHubClassic}'", GitHubClassic },
        { "app/gh2.py", $"T = '{GitHubFineGrained}'", GitHubFineGrained },
        { "app/slack.py", $"T = '{Slack}'", Slack },
        { "app/stripe.py", $"T = '{Stripe}'", Stripe },
        { "app/maps.js", $"T = '{Google}'", Google },
        { "app/release.sh", $"T={PyPi}", PyPi },
        { ".env", "SECRET_KEY=abcdefghijklmnopqrstuvwxyz123456\n", "abcdefghijklmnopqrstuvwxyz123456" },
        { ".env", "DB_PASSWORD=hunter2\n", "hunter2" },
        { ".env", "DATABASE_URL=postgres://u:p4ssw0rd-long-and-real@h/db\n", "p4ssw0rd-long-and-real" },
        { ".netrc", "machine h login u password s3cr3t\n", "s3cr3t" },
        { ".pypirc", "[pypi]\npassword = open-sesame\n", "open-sesame" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Report_AnySecret_NeverPrintsTheSecret(string path, string text, string secret)
    {
        var findings = Scan(path, text);
        var diagnostics = new List<Diagnostic>();
        foreach (ArtifactKind kind in new[] { ArtifactKind.Wheel, ArtifactKind.Sdist })
        {
            diagnostics.AddRange(Report(path, text, kind));
            diagnostics.AddRange(Report(path, text, kind, path));
        }

        Assert.NotEmpty(findings);
        Assert.Contains(diagnostics, d => d.IsError);
        foreach (SecretFinding finding in findings)
        {
            Assert.DoesNotContain(secret, finding.Detail, StringComparison.Ordinal);
        }

        foreach (Diagnostic diagnostic in diagnostics)
        {
            Assert.DoesNotContain(secret, diagnostic.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_LongSecret_ShowsFirstFourCharactersOnly()
    {
        var diagnostic = Assert.Single(Report("app/gh.py", $"T = '{GitHubClassic}'", ArtifactKind.Wheel));

        Assert.Contains("ghp_…(40 chars)", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GitHubClassic[..5], diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_ShortPassword_ShowsNoCharacter()
    {
        var diagnostic = Assert.Single(Report(".env", "DB_PASSWORD=zq8Kp\n", ArtifactKind.Wheel));

        Assert.Contains("a value for 'DB_PASSWORD' (…(5 chars))", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("zq", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ParallelCalls_SameFindingsAsSequential()
    {
        var guard = new SecretsGuard([]);
        byte[] content = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(new string('x', 5000) + "\n", 20)) + $"T='{GitHubClassic}'\n" + Pem("PRIVATE KEY"));
        var expected = guard.Scan("a.py", content);

        var results = new IReadOnlyList<SecretFinding>[64];
        Parallel.For(0, results.Length, i => results[i] = guard.Scan("a.py", content));

        Assert.Equal(2, expected.Count);
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}

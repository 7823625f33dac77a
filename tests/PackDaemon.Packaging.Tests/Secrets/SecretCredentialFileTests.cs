using PackDaemon.Packaging.Selection;
using Xunit;
using static PackDaemon.Packaging.Tests.Secrets.SecretSamples;

namespace PackDaemon.Packaging.Tests.Secrets;

public sealed class SecretCredentialFileTests
{
    [Fact]
    public void Scan_EnvFixtureWithoutSecretNames_OneNonSecretEnvFileFinding()
    {
        var finding = Assert.Single(Scan("tests/.env", "FOO=env\nDEBUG=1\n"));

        Assert.Equal(SecretRules.EnvFile, finding.Rule);
        Assert.False(finding.IsSecret);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
    }

    [Theory]
    [InlineData(".env.example")]
    [InlineData(".env.sample")]
    [InlineData(".env.template")]
    [InlineData(".env.dist")]
    [InlineData("config/.env.production.example")]
    public void Scan_EnvTemplate_Ignored(string path)
    {
        Assert.Empty(Scan(path, "SECRET_KEY=django-insecure-abc123\nDATABASE_URL=postgres://app:app@localhost/app\n"));
    }

    [Fact]
    public void Scan_EnvTemplateWithRealToken_ContentRulesStillApply()
    {
        Assert.Equal(SecretRules.GitHubToken, Assert.Single(Scan(".env.example", $"GITHUB_TOKEN={GitHubClassic}\n")).Rule);
    }

    [Theory]
    [InlineData(".env")]
    [InlineData(".env.local")]
    [InlineData(".env.production")]
    [InlineData("deploy/.envrc")]
    public void Scan_EnvFileWithSecretValue_ReportsSecretWithLineAndColumn(string path)
    {
        var finding = Assert.Single(Scan(path, "# settings\nDEBUG=0\nSECRET_KEY=django-insecure-9x!f3k2\n"));

        Assert.Equal(SecretRules.EnvSecretValue, finding.Rule);
        Assert.True(finding.IsSecret);
        Assert.Equal(3, finding.Line);
        Assert.Equal(1, finding.Column);
        Assert.Contains("'SECRET_KEY'", finding.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("API_KEY=abc123def")]
    [InlineData("export GITHUB_TOKEN=tok-value-1")]
    [InlineData("export  GITHUB_TOKEN =tok-value-1")]
    [InlineData("export\tAWS_SECRET=\"quoted value\"")]
    [InlineData("  db_password = 'hunter2'")]
    [InlineData("SMTP_PASSWD=hunter2 # local mail")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS=/srv/creds.json")]
    [InlineData("Private_Key=\"-----BEGIN RSA PRIVATE KEY-----")]
    [InlineData("SECRET_KEY=secret")]
    [InlineData("SECRET_KEY=#not-a-comment")]
    [InlineData("SECRET_KEY=${DB_PASS:-hunter2}")]
    [InlineData("TOKEN=abc${SUFFIX}")]
    public void Scan_SecretNameWithValue_IsSecret(string line)
    {
        var finding = Assert.Single(Scan(".env", line + "\n"));

        Assert.Equal(SecretRules.EnvSecretValue, finding.Rule);
        Assert.True(finding.IsSecret);
        Assert.Equal(line.IndexOf(finding.Detail.Split('\'')[1], StringComparison.Ordinal) + 1, finding.Column);
    }

    [Theory]
    [InlineData("SECRET_KEY=")]
    [InlineData("SECRET_KEY=\"\"")]
    [InlineData("SECRET_KEY=  # set in production")]
    [InlineData("SECRET_KEY=changeme")]
    [InlineData("SECRET_KEY=CHANGE_ME")]
    [InlineData("API_KEY=xxx")]
    [InlineData("API_KEY=********")]
    [InlineData("API_KEY=...")]
    [InlineData("API_KEY=<your api key>")]
    [InlineData("API_KEY=your-key-here")]
    [InlineData("API_KEY=YOUR_API_KEY")]
    [InlineData("API_KEY=${API_KEY}")]
    [InlineData("API_KEY=$API_KEY")]
    [InlineData("export API_TOKEN=$(pass show api/token)")]
    [InlineData("USE_TOKEN_AUTH=true")]
    [InlineData("# SECRET_KEY=abc123")]
    [InlineData("KEYWORDS_ENABLED")]
    public void Scan_PlaceholderOrNoValue_NotSecret(string line)
    {
        var finding = Assert.Single(Scan(".env", line + "\n"));

        Assert.Equal(SecretRules.EnvFile, finding.Rule);
        Assert.False(finding.IsSecret);
    }

    [Fact]
    public void Scan_DatabaseUrlWithPassword_ReportsUrlPasswordAtPassword()
    {
        var finding = Assert.Single(Scan(".env", "DATABASE_URL=postgres://shop:s3cr3t-pw@db.internal:5432/shop\n"));

        Assert.Equal(SecretRules.UrlPassword, finding.Rule);
        Assert.True(finding.IsSecret);
        Assert.Equal(1, finding.Line);
        Assert.Equal(30, finding.Column);
    }

    [Theory]
    [InlineData("DATABASE_URL=postgres://shop@db.internal/shop")]
    [InlineData("DATABASE_URL=postgres://shop:${DB_PASSWORD}@db.internal/shop")]
    [InlineData("DATABASE_URL=sqlite:///db.sqlite3")]
    [InlineData("HOMEPAGE=https://example.com/a:b@c")]
    public void Scan_UrlWithoutRealPassword_NotSecret(string line)
    {
        Assert.False(Assert.Single(Scan(".env", line + "\n")).IsSecret);
    }

    [Fact]
    public void Scan_NetrcWithPassword_ReportsPasswordTokenLine()
    {
        string netrc = "machine api.example.com\n  login deploy\n  password hunter2-real\nmachine other.example.com login x password changeme\n";

        var finding = Assert.Single(Scan(".netrc", netrc));

        Assert.Equal(SecretRules.EnvSecretValue, finding.Rule);
        Assert.Equal(3, finding.Line);
        Assert.Equal(12, finding.Column);
        Assert.Contains("api.example.com", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_NetrcOneLine_ReportsPassword()
    {
        Assert.True(Assert.Single(Scan("_netrc", "default login anonymous password user@example.com\n")).IsSecret);
    }

    [Fact]
    public void Scan_NetrcMacroMentioningPassword_NotTakenAsToken()
    {
        string netrc = "machine ftp.example.com login anonymous\nmacdef init\necho password reminder\n\n";

        Assert.False(Assert.Single(Scan(".netrc", netrc)).IsSecret);
    }

    [Fact]
    public void Scan_PypircWithPassword_ReportsPassword()
    {
        string pypirc = "[distutils]\nindex-servers =\n    pypi\n\n[pypi]\nusername: alice\npassword: correct-horse-battery\n";

        var finding = Assert.Single(Scan(".pypirc", pypirc));

        Assert.Equal(SecretRules.EnvSecretValue, finding.Rule);
        Assert.Equal(7, finding.Line);
        Assert.Equal(1, finding.Column);
    }

    [Fact]
    public void Scan_PypircWithUploadToken_ReportedOnceAsPyPiToken()
    {
        var finding = Assert.Single(Scan(".pypirc", $"[pypi]\nusername = __token__\npassword = {PyPi}\n"));

        Assert.Equal(SecretRules.PyPiToken, finding.Rule);
        Assert.Equal(3, finding.Line);
    }

    [Fact]
    public void Scan_EnvFileWithTokenAndPlainSecret_FindingsInLineOrder()
    {
        var findings = Scan(".env", $"API_PASSWORD=hunter2\nGITHUB_TOKEN={GitHubClassic}\nDB_TOKEN=abcdef\n");

        Assert.Equal([1, 2, 3], findings.Select(f => f.Line));
        Assert.Equal([SecretRules.EnvSecretValue, SecretRules.GitHubToken, SecretRules.EnvSecretValue], findings.Select(f => f.Rule));
    }

    [Fact]
    public void Scan_PypircWithoutPassword_NotSecret()
    {
        var finding = Assert.Single(Scan(".pypirc", "[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\n"));

        Assert.Equal(SecretRules.EnvFile, finding.Rule);
        Assert.False(finding.IsSecret);
    }

    [Fact]
    public void Scan_BinaryEnvFile_CannotBeCleared()
    {
        var finding = Assert.Single(new SecretsGuard([]).Scan(".env", [0x53, 0x00, 0x01, 0x02]));

        Assert.Equal(SecretRules.EnvFile, finding.Rule);
        Assert.True(finding.IsSecret);
    }

    [Theory]
    [InlineData("environment.py")]
    [InlineData("app/.envs/readme.txt")]
    [InlineData("docs/env.md")]
    public void Scan_NamesThatAreNotEnvFiles_NoByNameRule(string path)
    {
        Assert.Empty(Scan(path, "SECRET_KEY=abc123def\n"));
    }
}

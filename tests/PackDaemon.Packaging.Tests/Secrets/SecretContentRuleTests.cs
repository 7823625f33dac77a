using System.Text;
using PackDaemon.Packaging.Selection;
using Xunit;
using static PackDaemon.Packaging.Tests.Secrets.SecretSamples;

namespace PackDaemon.Packaging.Tests.Secrets;

public sealed class SecretContentRuleTests
{
    [Theory]
    [InlineData("PRIVATE KEY")]
    [InlineData("RSA PRIVATE KEY")]
    [InlineData("EC PRIVATE KEY")]
    [InlineData("DSA PRIVATE KEY")]
    [InlineData("OPENSSH PRIVATE KEY")]
    [InlineData("ENCRYPTED PRIVATE KEY")]
    [InlineData("PGP PRIVATE KEY BLOCK")]
    public void Scan_PrivateKeyBlock_ReportsPrivateKeyOnItsLine(string label)
    {
        var findings = Scan("deploy/key.pem", "# deploy key\n\n" + Pem(label));

        var finding = Assert.Single(findings);
        Assert.Equal(SecretRules.PrivateKey, finding.Rule);
        Assert.True(finding.IsSecret);
        Assert.Equal(3, finding.Line);
        Assert.Equal(1, finding.Column);
        Assert.Contains(label, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_EncryptedPemWithHeaders_ReportsPrivateKey()
    {
        string pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0123456789ABCDEF0123456789ABCDEF\n\n"
            + KeyBody + "\n-----END RSA PRIVATE KEY-----\n";

        var finding = Assert.Single(Scan("key.pem", pem));
        Assert.Equal(SecretRules.PrivateKey, finding.Rule);
    }

    [Fact]
    public void Scan_PgpArmorWithVersionHeader_ReportsPrivateKey()
    {
        string pgp = "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n" + KeyBody + "\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----\n";

        Assert.Equal(SecretRules.PrivateKey, Assert.Single(Scan("secring.asc", pgp)).Rule);
    }

    [Theory]
    [InlineData("PEM_HEADER = b\"-----BEGIN RSA PRIVATE KEY-----\"\nPEM_FOOTER = b\"-----END RSA PRIVATE KEY-----\"\n")]
    [InlineData("Paste the key (it starts with -----BEGIN PRIVATE KEY----- and ends with -----END PRIVATE KEY-----).\n")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n")]
    public void Scan_PrivateKeyHeaderWithoutBody_NoFinding(string text)
    {
        Assert.Empty(Scan("app/crypto.py", text));
    }

    [Fact]
    public void Scan_ElidedSampleKeyInDocs_NoFinding()
    {
        string doc = "\"PrivateKey\": \"-----BEGIN RSA PRIVATE KEY-----\\n" + KeyBody + "...fvY4+te\\n-----END RSA PRIVATE KEY-----\\n\"\n";

        Assert.Empty(Scan("docs/iot.rst", doc));
        Assert.Single(Scan("docs/iot.rst", doc.Replace("...", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Scan_CertificateBundle_NoFinding()
    {
        string bundle = "# Mozilla CA bundle\n\nGlobalSign Root CA\n==================\n" + Pem("CERTIFICATE") + "\nISRG Root X1\n" + Pem("CERTIFICATE");

        Assert.Empty(Scan("certifi/cacert.pem", bundle));
    }

    [Theory]
    [InlineData("PUBLIC KEY")]
    [InlineData("RSA PUBLIC KEY")]
    [InlineData("CERTIFICATE REQUEST")]
    [InlineData("PGP PUBLIC KEY BLOCK")]
    public void Scan_PublicMaterial_NoFinding(string label)
    {
        Assert.Empty(Scan("keys/pub.pem", Pem(label)));
    }

    [Fact]
    public void Scan_ServiceAccountJson_ReportsServiceAccountKey()
    {
        string json = "{\n  \"type\": \"service_account\",\n  \"project_id\": \"shop\",\n"
            + "  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + KeyBody + "\\n" + KeyBody + "\\n-----END PRIVATE KEY-----\\n\",\n"
            + "  \"client_email\": \"svc@shop.iam.gserviceaccount.com\"\n}\n";

        var finding = Assert.Single(Scan("app/credentials.json", json));
        Assert.Equal(SecretRules.ServiceAccountKey, finding.Rule);
        Assert.Equal(4, finding.Line);
        Assert.Equal(19, finding.Column);
    }

    [Fact]
    public void Scan_AwsKeyIdWithSecret_ReportsAwsAccessKey()
    {
        string config = $"[default]\naws_access_key_id = {AwsKeyId}\naws_secret_access_key = {AwsSecret}\nregion = eu-west-1\n";

        var finding = Assert.Single(Scan("app/aws.cfg", config));
        Assert.Equal(SecretRules.AwsAccessKey, finding.Rule);
        Assert.True(finding.IsSecret);
        Assert.Equal(2, finding.Line);
        Assert.Equal(21, finding.Column);
    }

    [Fact]
    public void Scan_AwsConsoleCsvExport_ReportsAwsAccessKey()
    {
        string csv = $"Access key ID,Secret access key\n{AwsKeyId},{AwsSecret}\n";

        Assert.Equal(SecretRules.AwsAccessKey, Assert.Single(Scan("creds.csv", csv)).Rule);
    }

    [Fact]
    public void Scan_AwsSecretBeforeKeyIdInCode_ReportsAwsAccessKey()
    {
        string code = $"SECRET = \"{AwsSecret}\"\nclient = boto3.client(\"s3\", aws_access_key_id=\"{AwsKeyId}\", aws_secret_access_key=SECRET)\n";

        Assert.Equal(SecretRules.AwsAccessKey, Assert.Single(Scan("app/s3.py", code)).Rule);
    }

    [Fact]
    public void Scan_AwsKeyIdAlone_ReportsNonSecretKeyId()
    {
        var finding = Assert.Single(Scan("app/settings.py", $"BUCKET_OWNER_KEY_ID = \"{AwsKeyId}\"\n"));

        Assert.Equal(SecretRules.AwsAccessKeyId, finding.Rule);
        Assert.False(finding.IsSecret);
    }

    [Fact]
    public void Scan_AwsKeyIdNextToSha1_NotTakenForSecret()
    {
        string text = $"key = \"{AwsKeyId}\"\nsecret_sha1 = \"da39a3ee5e6b4b0d3255bfef95601890afd80709\"\n";

        Assert.Equal(SecretRules.AwsAccessKeyId, Assert.Single(Scan("a.py", text)).Rule);
    }

    [Theory]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")]
    [InlineData("ASIAN_MARKETS = ['ASIA', 'ASIAPACIFICREGIONSX']\n")]
    [InlineData("token = 'AKIAabcdefghijklmnop'\n")]
    [InlineData("id = XAKIA1234567890ABCDEF\n")]
    [InlineData("id = AKIA1234567890ABCDEFG\n")]
    public void Scan_AwsLookalikes_NoFinding(string text)
    {
        Assert.Empty(Scan("docs/aws.md", text));
    }

    [Fact]
    public void Scan_GitHubClassicToken_ReportsGitHubToken()
    {
        var finding = Assert.Single(Scan("ci/deploy.sh", $"curl -H \"Authorization: token {GitHubClassic}\" https://api.github.com\n"));

        Assert.Equal(SecretRules.GitHubToken, finding.Rule);
        Assert.Equal(31, finding.Column);
    }

    [Theory]
    [InlineData("gho_")]
    [InlineData("ghu_")]
    [InlineData("ghs_")]
    [InlineData("ghr_")]
    public void Scan_GitHubTokenPrefixes_ReportGitHubToken(string prefix)
    {
        string token = prefix + GitHubClassic[4..];

        Assert.Equal(SecretRules.GitHubToken, Assert.Single(Scan("a.txt", token)).Rule);
    }

    [Fact]
    public void Scan_GitHubFineGrainedToken_ReportsGitHubToken()
    {
        Assert.Equal(SecretRules.GitHubToken, Assert.Single(Scan("a.yml", $"token: {GitHubFineGrained}\n")).Rule);
    }

    [Theory]
    [InlineData("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("prefix = 'ghp_' # classic personal access token")]
    [InlineData("ghp_abc123")]
    [InlineData("my_ghp_Ab3dEf6hIj9kLm2oPq5sTu8wXy1zAb4dEf7h")]
    public void Scan_GitHubLookalikes_NoFinding(string text)
    {
        Assert.Empty(Scan("docs/tokens.md", text));
    }

    [Fact]
    public void Scan_SlackBotToken_ReportsSlackToken()
    {
        Assert.Equal(SecretRules.SlackToken, Assert.Single(Scan("app/slack.py", $"client = WebClient(token=\"{Slack}\")\n")).Rule);
    }

    [Theory]
    [InlineData("SLACK_TOKEN = 'xoxb-your-token-here'")]
    [InlineData("xoxb-xxxxxxxxxxxx-xxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx")]
    public void Scan_SlackPlaceholders_NoFinding(string text)
    {
        Assert.Empty(Scan("README.md", text));
    }

    [Fact]
    public void Scan_StripeLiveSecretKey_ReportsStripeKey()
    {
        Assert.Equal(SecretRules.StripeSecretKey, Assert.Single(Scan("app/pay.py", $"stripe.api_key = \"{Stripe}\"\n")).Rule);
    }

    [Fact]
    public void Scan_StripeTestKey_NoFinding()
    {
        Assert.Empty(Scan("app/pay.py", "stripe.api_key = \"sk_test_" + Random(24, "abcdefghijklmnopqrstuvwxyz0123456789", 20) + "\"\n"));
    }

    [Fact]
    public void Scan_GoogleApiKey_ReportsGoogleApiKey()
    {
        Assert.Equal(SecretRules.GoogleApiKey, Assert.Single(Scan("static/maps.js", $"const key = '{Google}';\n")).Rule);
    }

    [Theory]
    [InlineData("const key = 'AIzaShort123';")]
    [InlineData("AIzaSyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Scan_GoogleLookalikes_NoFinding(string text)
    {
        Assert.Empty(Scan("static/maps.js", text));
    }

    [Fact]
    public void Scan_PyPiToken_ReportsPyPiToken()
    {
        Assert.Equal(SecretRules.PyPiToken, Assert.Single(Scan("scripts/release.sh", $"twine upload -p {PyPi} dist/*\n")).Rule);
    }

    [Fact]
    public void Scan_PyPiTokenPrefixOnly_NoFinding()
    {
        Assert.Empty(Scan("docs/release.md", "PyPI tokens start with pypi-AgEIcHlwaS5vcmc and are long.\n"));
    }

    [Fact]
    public void Scan_BinaryFileHoldingKey_SkipsTextRules()
    {
        byte[] key = Encoding.ASCII.GetBytes(Pem("RSA PRIVATE KEY"));
        byte[] content = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x00, 0x1A, .. key];

        Assert.Empty(new SecretsGuard([]).Scan("static/logo.png", content));
        Assert.Single(new SecretsGuard([]).Scan("static/logo.txt", key));
    }

    [Fact]
    public void Scan_NulAfterFirst8KB_StillText()
    {
        byte[] content = [.. Encoding.ASCII.GetBytes(new string('a', 9000) + "\n" + GitHubClassic + "\n"), 0x00];

        Assert.Single(new SecretsGuard([]).Scan("big.txt", content));
    }

    [Theory]
    [InlineData(16 * 1024 - 3)]
    [InlineData(16 * 1024)]
    [InlineData(32 * 1024 - 1)]
    public void Scan_TokenAcrossChunkBoundary_FoundOnceWithRightLine(int offset)
    {
        var sb = new StringBuilder();
        int lines = 0;
        while (sb.Length < offset - 80)
        {
            sb.Append(new string('#', 79)).Append('\n');
            lines++;
        }

        sb.Append(new string(' ', offset - sb.Length)).Append(GitHubClassic).Append('\n').Append(new string('z', 40000));

        var finding = Assert.Single(Scan("big.txt", sb.ToString()));
        Assert.Equal(lines + 1, finding.Line);
    }

    [Fact]
    public void Scan_SeveralSecrets_ReportsEachWithItsLine()
    {
        string text = $"a = '{GitHubClassic}'\nb = '{Stripe}'\n\nc = '{Google}'\n" + Pem("EC PRIVATE KEY");

        var findings = Scan("app/config.py", text);

        Assert.Equal([1, 2, 4, 5], findings.Select(f => f.Line));
        Assert.Equal([SecretRules.GitHubToken, SecretRules.StripeSecretKey, SecretRules.GoogleApiKey, SecretRules.PrivateKey], findings.Select(f => f.Rule));
    }
}

using static PackDaemon.Packaging.Tests.Secrets.SecretSamples;

namespace PackDaemon.Packaging.Tests.Secrets;

/// <summary>
/// The realistic leaks the attack campaign packaged (21 of 48 got through), each with a look-alike that must pass:
/// every rule is held to a true positive and to a false refusal it must not make. The fake credentials are assembled
/// at run time (see <see cref="SecretSamples"/>).
/// </summary>
public sealed class SecretCorpusTests
{
    private static readonly string Hex32 = Random(32, "0123456789abcdef", 40);
    private static readonly string UrlSafe = Alphabet + "-_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static TheoryData<string, string, string, string> Leaks => new()
    {
        { "gitlab token", "app/ci.py", $"TOKEN = \"gl" + $"pat-{Random(20, UrlSafe, 41)}\"\n", "gitlab-token" },
        { "slack webhook", "app/notify.py", $"URL = \"https://hooks.slack.com/services/T{Random(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 42)}/B{Random(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 43)}/{Random(24, Alphabet, 44)}\"\n", "slack-webhook" },
        { "django SECRET_KEY literal", "mysite/settings.py", $"SECRET_KEY = 'django-insecure-{Random(40, Alphabet + "!@#^&*(-_=+)", 45)}'\n", "assigned-secret" },
        { "django SECRET_KEY environ default", "mysite/settings.py", $"SECRET_KEY = os.environ.get(\"SECRET_KEY\", \"{Random(50, Alphabet, 46)}\")\n", "assigned-secret" },
        { "jwt", "app/fixtures.py", $"AUTH = \"ey" + $"JhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.{Random(43, UrlSafe, 47)}\"\n", "jwt" },
        { "azure connection string", "app/storage.py", $"CONN = \"DefaultEndpointsProtocol=https;AccountName=shop;AccountKey={Random(86, Alphabet + "+/", 48)}==;EndpointSuffix=core.windows.net\"\n", "azure-storage-key" },
        { "twilio api key", "app/sms.py", $"TWILIO_KEY = \"S" + $"K{Hex32}\"\n", "twilio-api-key" },
        { "sendgrid", "app/mail.py", $"SENDGRID = \"S" + $"G.{Random(22, UrlSafe, 49)}.{Random(43, UrlSafe, 50)}\"\n", "sendgrid-api-key" },
        { "npm token", "frontend/.npmrc", $"//registry.npmjs.org/:_authToken=np" + $"m_{Random(36, Alphabet, 51)}\n", "npm-token" },
        { "openai project key", "app/ai.py", $"client = OpenAI(api_key=\"sk-" + $"proj-{Random(64, UrlSafe, 52)}\")\n", "openai-api-key" },
        { "anthropic key", "app/ai.py", $"KEY = \"sk-" + $"ant-api03-{Random(95, UrlSafe, 53)}\"\n", "anthropic-api-key" },
        { "telegram bot token", "bot/config.py", $"BOT = \"{Random(10, "123456789", 54)}:A" + $"A{Random(33, UrlSafe, 55)}\"\n", "telegram-bot-token" },
        { "docker auths", "deploy/config.json", $"{{\"auths\": {{\"registry.example.com\": {{\"auth\": \"{Convert.ToBase64String("deploy:Hx9#kLq2vZ"u8.ToArray())}\"}}}}}}\n", "docker-registry-auth" },
        { "mailgun key", "app/mail.py", $"MAILGUN_API_KEY = \"ke" + $"y-{Hex32}\"\n", "mailgun-api-key" },
        { "heroku api key", "deploy/heroku.yml", $"heroku_api_key: {Guid.Parse("3f2c9a4e-8b1d-4c7e-9a2f-6d5b8e1c0f7a")}\n", "assigned-secret" },
        { "putty private key", "keys/deploy.ppk", $"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n{Random(64, Alphabet, 56)}\n{Random(20, Alphabet, 57)}\nPrivate-Lines: 1\n{Random(44, Alphabet + "+/", 58)}\n", "private-key" },
        { "kubeconfig token", "deploy/kubeconfig", $"users:\n- name: ci\n  user:\n    token: {Random(60, UrlSafe, 59)}\n", "assigned-secret" },
        { "yaml password", "deploy/docker-compose.yml", $"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: {Random(16, Alphabet, 60)}\n", "assigned-secret" },
        { "django DATABASES password", "mysite/settings.py", $"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.postgresql', 'PASSWORD': '{Random(14, Alphabet, 61)}',}}}}\n", "assigned-secret" },
        { "database url in code", "app/db.py", $"engine = create_engine(\"postgresql://shop:{Random(14, Alphabet, 62)}@db.internal/shop\")\n", "url-password" },
        { "lone aws secret key", "app/aws.py", $"aws_secret_access_key = \"{AwsSecret[..40]}\"\n", "aws-secret-access-key" },
    };

    public static TheoryData<string, string, string> LookAlikes => new()
    {
        { "gitlab docs placeholder", "docs/ci.py", "TOKEN = \"gl" + "pat-xxxxxxxxxxxxxxxxxxxx\"\n" },
        { "slack webhook placeholder", "app/notify.py", "URL = \"https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX\"\n" },
        { "SECRET_KEY from the environment only", "mysite/settings.py", "SECRET_KEY = os.environ[\"SECRET_KEY\"]\n" },
        { "SECRET_KEY empty default", "mysite/settings.py", "SECRET_KEY = os.environ.get(\"SECRET_KEY\", \"\")\n" },
        { "a password setting that is a number", "mysite/settings.py", "PASSWORD_RESET_TIMEOUT = 259200\n" },
        { "a token name that is not a credential", "app/auth.py", "TOKEN_TYPE = \"bearer\"\n" },
        { "a weak test password in a call", "tests/test_auth.py", "user = User.objects.create_user(\"bob\", password=\"s3cr3tP4ssw0rd!\")\n" },
        { "password word as value", "app/forms.py", "password = \"password\"\n" },
        { "jwt.io sample token", "docs/jwt.py", "T = \"ey" + "JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\"\n" },
        { "a cache key with an md5", "app/cache.py", $"name = f\"etag-ke" + $"y-{Hex32}\"\n" },
        { "a url with a placeholder password", "app/db.py", "engine = create_engine(\"postgresql://user:password@localhost/test\")\n" },
        { "a url template", "app/db.py", "URL = \"postgresql://{user}:{password}@{host}/{db}\"\n" },
        { "a url in prose", "app/db.py", "# connect with postgresql://scott:tiger@localhost/test as in the docs\n" },
        { "yaml password from a variable", "deploy/docker-compose.yml", "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n" },
        { "yaml template", "deploy/values.yaml", "password: {{ .Values.password }}\n" },
        { "openai placeholder", "docs/ai.py", "KEY = \"sk-" + "proj-your-api-key-here\"\n" },
        { "sendgrid placeholder", "docs/mail.py", "KEY = \"S" + "G.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"\n" },
        { "docker auth without password", "deploy/config.json", $"{{\"auths\": {{\"r\": {{\"auth\": \"{Convert.ToBase64String("deploy:"u8.ToArray())}\"}}}}}}\n" },
        { "aws example secret", "docs/aws.py", "aws_secret_access_key = \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"\n" },
        { "a sha256 hex after key-", "app/ids.py", $"KEY_ID = \"key-{Hex32}{Hex32}\"\n" },
        { "a version number with a colon", "app/version.py", "VERSION = \"1234567890:AAbc\"\n" },
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Leak_IsCaught_AsASecret(string what, string path, string text, string rule)
    {
        var findings = Scan(path, text);

        Assert.True(findings.Any(f => f.Rule == rule && f.IsSecret), $"{what}: expected rule {rule}, got [{string.Join(", ", findings.Select(f => f.Rule))}]");
        // Named in redacted form only (the first four characters of a long value at most), never the value itself.
        Assert.All(findings.Where(f => f.Rule != "private-key"), f => Assert.Contains(" chars)", f.Detail, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void LookAlike_IsNotASecret(string what, string path, string text)
    {
        var findings = Scan(path, text);

        Assert.True(!findings.Any(f => f.IsSecret), $"{what}: refused by [{string.Join(", ", findings.Select(f => f.Rule + ": " + f.Detail))}]");
    }
}

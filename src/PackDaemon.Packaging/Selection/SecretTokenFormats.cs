using System.Buffers;
using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Credentials that announce themselves by a fixed prefix and a random body: GitLab, OpenAI, Anthropic, npm, SendGrid,
/// Twilio, Mailgun, Telegram, Azure storage keys, Slack webhook URLs, JWTs, PuTTY keys and Docker registry auths. One
/// table, so a new service is one line and its look-alike test, not one more hand-written matcher.
/// </summary>
/// <remarks>Every format requires the body's full length and shape, and a random-looking body
/// (<see cref="SecretText.LooksRandom"/>), so documentation placeholders (<c>glpat-xxxxxxxxxxxxxxxxxxxx</c>,
/// <c>sk-proj-your-key-here</c>) pass. The anchors join <see cref="SecretContentScanner"/>'s single vectorised search.</remarks>
internal static class SecretTokenFormats
{
    private static readonly SearchValues<byte> s_urlSafe = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"u8);
    private static readonly SearchValues<byte> s_lowerHex = SearchValues.Create("0123456789abcdef"u8);
    private static readonly SearchValues<byte> s_digits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> s_webhookPath = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/"u8);
    private static readonly SearchValues<byte> s_jwt = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."u8);
    private static readonly SearchValues<byte> s_sendGrid = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-."u8);
    private static readonly SearchValues<byte> s_base64Padded = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="u8);

    /// <summary>jwt.io's own sample token, quoted in countless docs and tests: signed with the key "your-256-bit-secret".</summary>
    private static readonly byte[] s_jwtIoSampleSignature = "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"u8.ToArray();

    /// <summary>Longest prefix first where two share a start (<c>sk-ant-</c> before <c>sk-</c>).</summary>
    private static readonly Format[] s_formats =
    [
        new("glpat-", "gitlab-token", "a GitLab personal access token", s_urlSafe, 20, 64),
        new("sk-ant-", "anthropic-api-key", "an Anthropic API key", s_urlSafe, 80, 200),
        new("sk-proj-", "openai-api-key", "an OpenAI API key", s_urlSafe, 40, 200),
        new("sk-svcacct-", "openai-api-key", "an OpenAI API key", s_urlSafe, 40, 200),
        new("sk-admin-", "openai-api-key", "an OpenAI admin key", s_urlSafe, 40, 200),
        new("sk-", "openai-api-key", "an OpenAI API key", SecretText.Alphanumeric, 48, 48, Check.OpenAiLegacy),
        new("npm_", "npm-token", "an npm access token", SecretText.Alphanumeric, 36, 36),
        new("SG.", "sendgrid-api-key", "a SendGrid API key", s_sendGrid, 66, 66, Check.SendGrid),
        new("SK", "twilio-api-key", "a Twilio API key", s_lowerHex, 32, 32, Check.ValueStart),
        new("key-", "mailgun-api-key", "a Mailgun API key", s_lowerHex, 32, 32, Check.ValueStart),
        new("AccountKey=", "azure-storage-key", "an Azure storage account key", s_base64Padded, 86, 88),
        new("SharedAccessKey=", "azure-shared-access-key", "an Azure shared access key", s_base64Padded, 43, 44),
        new("hooks.slack.com/services/", "slack-webhook", "a Slack webhook URL", s_webhookPath, 40, 80, Check.SlackWebhook),
        new("eyJ", "jwt", "a signed JSON Web Token", s_jwt, 40, 8192, Check.Jwt, BodyIncludesPrefix: true),
        new(":AA", "telegram-bot-token", "a Telegram bot token", s_urlSafe, 33, 33, Check.TelegramBotId),
        new("PuTTY-User-Key-File-", SecretRules.PrivateKey, "a PuTTY private key file", s_digits, 1, 1, Check.PuttyKey),
        new("aws_secret_access_key", SecretRules.AwsSecretAccessKey, "an AWS secret access key", SecretText.Base64, 0, 0, Check.AwsSecret),
        new("AWS_SECRET_ACCESS_KEY", SecretRules.AwsSecretAccessKey, "an AWS secret access key", SecretText.Base64, 0, 0, Check.AwsSecret),
        new("\"auth\":", "docker-registry-auth", "a Docker registry login (\"auths\" in config.json)", SecretText.Base64, 0, 0, Check.DockerAuth),
    ];

    public static IEnumerable<string> Anchors => s_formats.Select(f => f.Anchor).Distinct(StringComparer.Ordinal);

    /// <summary>Validates the candidate at <paramref name="at"/> against every format whose prefix is there.</summary>
    /// <returns>The rule, a redacted description and the end of the match; a null rule when no format holds.</returns>
    public static (string? Rule, string? Detail, int End) Match(ReadOnlySpan<byte> content, int at)
    {
        foreach (var format in s_formats)
        {
            if (content[at..].StartsWith(format.AnchorBytes) && format.TryMatch(content, at, out int end, out string? detail))
            {
                return (format.Rule, detail, end);
            }
        }

        return (null, null, at + 1);
    }

    private enum Check
    {
        None,
        OpenAiLegacy,
        SendGrid,
        SlackWebhook,
        Jwt,
        TelegramBotId,
        PuttyKey,
        DockerAuth,
        AwsSecret,

        /// <summary>Short hex keys (<c>key-</c>, <c>SK</c>) only where a value starts: a quote, <c>=</c>, <c>:</c>
        /// or a blank before them, so a cache key such as <c>etag-key-&lt;md5&gt;</c> in code passes.</summary>
        ValueStart,
    }

    private sealed record Format(string Anchor, string Rule, string Name, SearchValues<byte> Body, int MinBody, int MaxBody,
        Check Extra = Check.None, bool BodyIncludesPrefix = false)
    {
        public byte[] AnchorBytes { get; } = Encoding.ASCII.GetBytes(Anchor);

        public bool TryMatch(ReadOnlySpan<byte> content, int at, out int end, out string? detail)
        {
            end = at + 1;
            detail = null;
            int prefix = Anchor.Length;
            bool wordStart = at == 0 || !SecretText.IsWordByte(content[at - 1]);
            switch (Extra)
            {
                case Check.PuttyKey:
                    return MatchPutty(content, at, Name, out end, out detail);
                case Check.DockerAuth:
                    return MatchDockerAuth(content, at + prefix, Name, out end, out detail);
                case Check.AwsSecret:
                    return MatchAwsSecret(content, at + prefix, Name, out end, out detail);
                case Check.TelegramBotId:
                    break; // preceded by the bot's numeric id, checked below
                case Check.SlackWebhook:
                    break; // inside a URL: no word boundary before "hooks"
                default:
                    if (!wordStart)
                    {
                        return false;
                    }

                    break;
            }

            int bodyStart = BodyIncludesPrefix ? at : at + prefix;
            int run = SecretText.RunLength(content, bodyStart, Body);
            int bodyLength = BodyIncludesPrefix ? run - prefix : run;
            if (bodyLength < MinBody || bodyLength > MaxBody
                || (bodyStart + run < content.Length && SecretText.IsWordByte(content[bodyStart + run])))
            {
                return false;
            }

            ReadOnlySpan<byte> token = content[at..(bodyStart + run)];
            ReadOnlySpan<byte> body = content.Slice(bodyStart, run);
            bool valid = Extra switch
            {
                Check.OpenAiLegacy => body.IndexOf("T3BlbkFJ"u8) >= 0,
                Check.SendGrid => body.Length == 66 && body[22] == (byte)'.' && body[..22].IndexOf((byte)'.') < 0,
                Check.SlackWebhook => body.Count((byte)'/') == 2 && body[0] is (byte)'T' && SecretText.LooksRandom(body[body.LastIndexOf((byte)'/')..]),
                Check.Jwt => IsJwt(body),
                Check.TelegramBotId => IsTelegramBotId(content, at),
                Check.ValueStart => at == 0 || content[at - 1] is (byte)'"' or (byte)'\'' or (byte)'=' or (byte)':' or (byte)' ' or (byte)'\t' or (byte)'\n',
                _ => true,
            };
            if (!valid || !SecretText.LooksRandom(body))
            {
                return false;
            }

            end = at + token.Length;
            detail = $"{Name} ({SecretRedaction.Redact(Extra == Check.TelegramBotId ? body : token)})";
            return true;
        }
    }

    private static bool IsJwt(ReadOnlySpan<byte> token)
    {
        // header.payload.signature, each base64url; the payload is a JSON object too ("eyJ" is '{"' encoded).
        int first = token.IndexOf((byte)'.');
        if (first < 10 || first + 4 > token.Length || !token[(first + 1)..].StartsWith("eyJ"u8))
        {
            return false;
        }

        int second = token[(first + 1)..].IndexOf((byte)'.');
        if (second < 10)
        {
            return false;
        }

        var signature = token[(first + 1 + second + 1)..];
        return signature.Length >= 22 && signature.IndexOf((byte)'.') < 0 && !signature.SequenceEqual(s_jwtIoSampleSignature);
    }

    private static bool IsTelegramBotId(ReadOnlySpan<byte> content, int colon)
    {
        int start = colon;
        while (start > 0 && content[start - 1] is >= (byte)'0' and <= (byte)'9')
        {
            start--;
        }

        int digits = colon - start;
        return digits is >= 8 and <= 10 && (start == 0 || !SecretText.IsWordByte(content[start - 1]));
    }

    /// <summary>PuTTY's .ppk: a header line, then "Private-Lines: N" and the base64 private part.</summary>
    private static bool MatchPutty(ReadOnlySpan<byte> content, int at, string name, out int end, out string? detail)
    {
        end = at + 1;
        detail = null;
        if (at != SecretText.LineStart(content, at))
        {
            return false;
        }

        ReadOnlySpan<byte> rest = content[at..Math.Min(content.Length, at + 8192)];
        int privateLines = rest.IndexOf("\nPrivate-Lines:"u8);
        if (privateLines < 0)
        {
            return false;
        }

        int bodyStart = SecretText.LineEnd(rest, privateLines + 1) + 1;
        if (bodyStart >= rest.Length || SecretText.RunLength(rest, bodyStart, SecretText.Base64) < 40)
        {
            return false;
        }

        end = at + bodyStart;
        detail = name;
        return true;
    }

    /// <summary>A secret access key given to its own name, without the key id next to it (which the AKIA rule needs):
    /// <c>aws_secret_access_key = ...</c> in a credentials file, an env file or code.</summary>
    private static bool MatchAwsSecret(ReadOnlySpan<byte> content, int afterName, string name, out int end, out string? detail)
    {
        end = afterName;
        detail = null;
        int start = afterName;
        while (start < content.Length && content[start] is (byte)' ' or (byte)'\t' or (byte)'"' or (byte)'\'' or (byte)'=' or (byte)':')
        {
            start++;
        }

        int run = SecretText.RunLength(content, start, SecretText.Base64);
        var value = content.Slice(start, run);
        bool mixed = value.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0 && value.IndexOfAnyInRange((byte)'a', (byte)'z') >= 0
            && value.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;
        if (start == afterName || run != 40 || !mixed || !SecretText.LooksRandom(value) || value.IndexOf("EXAMPLEKEY"u8) >= 0)
        {
            return false;
        }

        end = start + run;
        detail = $"{name} ({SecretRedaction.Redact(value)})";
        return true;
    }

    /// <summary>Docker's config.json keeps <c>"auth": "base64(user:password)"</c> per registry.</summary>
    private static bool MatchDockerAuth(ReadOnlySpan<byte> content, int afterKey, string name, out int end, out string? detail)
    {
        end = afterKey;
        detail = null;
        int quote = afterKey;
        while (quote < content.Length && content[quote] is (byte)' ' or (byte)'\t')
        {
            quote++;
        }

        if (quote >= content.Length || content[quote] != (byte)'"')
        {
            return false;
        }

        int run = SecretText.RunLength(content, quote + 1, s_base64Padded);
        if (run < 8 || quote + 1 + run >= content.Length || content[quote + 1 + run] != (byte)'"')
        {
            return false;
        }

        var value = content.Slice(quote + 1, run);
        Span<byte> decoded = stackalloc byte[run];
        if (System.Buffers.Text.Base64.DecodeFromUtf8(value, decoded, out _, out int written) != OperationStatus.Done)
        {
            return false;
        }

        decoded = decoded[..written];
        int colon = decoded.IndexOf((byte)':');
        if (colon <= 0 || colon == decoded.Length - 1)
        {
            return false;
        }

        var password = Encoding.UTF8.GetString(decoded[(colon + 1)..]);
        if (SecretValueClassifier.IsPlaceholder(password))
        {
            return false;
        }

        end = quote + 1 + run;
        detail = $"{name} ({SecretRedaction.Redact(value)})";
        return true;
    }
}

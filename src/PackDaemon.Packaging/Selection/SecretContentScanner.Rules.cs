using System.Buffers;
using System.Text;

namespace PackDaemon.Packaging.Selection;

internal static partial class SecretContentScanner
{
    // A key body is base64; 40 characters in a row rule out a bare header quoted in code or docs
    // (b"-----BEGIN RSA PRIVATE KEY-----" in a PEM parser) and the 32 hex digits of an encrypted PEM's DEK-Info line.
    private const int MinKeyBodyRun = 40;
    private const int KeyBodySearchLength = 1024;
    private const int AwsWindowLines = 5;
    private const int AwsWindowBytes = 2048;

    private static readonly SearchValues<byte> s_urlSafeToken =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"u8);

    private static readonly SearchValues<byte> s_wordBytes =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"u8);

    private static readonly SearchValues<byte> s_slackToken =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"u8);

    private static Match MatchPrivateKey(ReadOnlySpan<byte> content, int at)
    {
        int labelStart = at + "-----BEGIN ".Length;
        int lineEnd = SecretText.LineEnd(content, labelStart);
        ReadOnlySpan<byte> rest = content[labelStart..Math.Min(lineEnd, labelStart + 64)];
        int labelLength = rest.IndexOf("-----"u8);
        if (labelLength < 0)
        {
            return default;
        }

        ReadOnlySpan<byte> label = rest[..labelLength];
        if (!label.EndsWith("PRIVATE KEY"u8) && !label.SequenceEqual("PGP PRIVATE KEY BLOCK"u8))
        {
            return default;
        }

        // The body ends at the END line; a header and a prose mention ("-----BEGIN PRIVATE KEY----- ... -----END") carry
        // no base64 run long enough.
        int bodyStart = labelStart + labelLength + 5;
        ReadOnlySpan<byte> body = content[bodyStart..Math.Min(content.Length, bodyStart + KeyBodySearchLength)];
        int bodyEnd = body.IndexOf("-----"u8);
        if (bodyEnd >= 0)
        {
            body = body[..bodyEnd];
        }

        // Docs elide sample keys ("MIIEowIBAAKCAQEAqKpR...fvY4+te"); '.' is not base64, so a real body never has "...".
        if (!HasRun(body, SecretText.Base64, MinKeyBodyRun) || body.IndexOf("..."u8) >= 0 || body.IndexOf("…"u8) >= 0)
        {
            return default;
        }

        string labelText = Encoding.ASCII.GetString(label);

        // In a Google service-account JSON the key is the value of "private_key", its newlines escaped as \n.
        ReadOnlySpan<byte> before = content[SecretText.LineStart(content, at)..at];
        bool inServiceAccount = before.IndexOf("\"private_key\""u8) >= 0;
        string rule = inServiceAccount ? SecretRules.ServiceAccountKey : SecretRules.PrivateKey;
        string detail = inServiceAccount
            ? $"a private key ('{labelText}') in the \"private_key\" of a service-account JSON file"
            : $"a private key block '-----BEGIN {labelText}-----'";
        return new Match(rule, detail, IsSecret: true, bodyStart + (bodyEnd >= 0 ? bodyEnd : body.Length));
    }

    private static bool HasRun(ReadOnlySpan<byte> span, SearchValues<byte> values, int minLength)
    {
        int position = 0;
        while (position < span.Length)
        {
            int start = span[position..].IndexOfAny(values);
            if (start < 0)
            {
                return false;
            }

            start += position;
            int run = SecretText.RunLength(span, start, values);
            if (run >= minLength)
            {
                return true;
            }

            position = start + run;
        }

        return false;
    }

    private static bool StartsWord(ReadOnlySpan<byte> content, int at) => at == 0 || !SecretText.IsWordByte(content[at - 1]);

    private static Match MatchAws(ReadOnlySpan<byte> content, int at)
    {
        const int IdLength = 20;
        if (!StartsWord(content, at) || content.Length < at + IdLength
            || (content.Length > at + IdLength && SecretText.IsAlphanumeric(content[at + IdLength])))
        {
            return default;
        }

        ReadOnlySpan<byte> id = content.Slice(at, IdLength);
        foreach (byte b in id[4..])
        {
            if (b is not ((>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')))
            {
                return default;
            }
        }

        // AWS documents its examples with AKIAIOSFODNN7EXAMPLE; docs and SDKs quote it everywhere.
        if (id.IndexOf("EXAMPLE"u8) >= 0)
        {
            return default;
        }

        string shownId = string.Concat(Encoding.ASCII.GetString(id[..4]), "…");
        return HasAwsSecretNearby(content, at, IdLength)
            ? new Match(SecretRules.AwsAccessKey,
                $"an AWS access key id ({shownId}) with a secret access key next to it", IsSecret: true, at + IdLength)
            : new Match(SecretRules.AwsAccessKeyId,
                $"an AWS access key id ({shownId}) without a secret next to it", IsSecret: false, at + IdLength);
    }

    /// <summary>
    /// Looks within 5 lines around the key id for the word "secret" and a 40-character base64 value: credentials files,
    /// the console's CSV export (header line, then the values) and code literals all put them that close.
    /// </summary>
    private static bool HasAwsSecretNearby(ReadOnlySpan<byte> content, int idStart, int idLength)
    {
        int windowStart = idStart;
        for (int lines = 0; lines <= AwsWindowLines && windowStart > 0 && idStart - windowStart < AwsWindowBytes; lines++)
        {
            int newline = content[..(windowStart - 1)].LastIndexOf((byte)'\n');
            windowStart = newline + 1;
            if (newline < 0)
            {
                break;
            }
        }

        int windowEnd = idStart + idLength;
        for (int lines = 0; lines <= AwsWindowLines && windowEnd < content.Length && windowEnd - idStart < AwsWindowBytes; lines++)
        {
            windowEnd = SecretText.LineEnd(content, windowEnd + 1);
        }

        windowEnd = Math.Min(windowEnd, content.Length);
        ReadOnlySpan<byte> window = content[windowStart..windowEnd];
        if (!SecretText.ContainsIgnoreCase(window, "secret"u8))
        {
            return false;
        }

        int position = 0;
        while (position < window.Length)
        {
            int start = window[position..].IndexOfAny(SecretText.Base64);
            if (start < 0)
            {
                return false;
            }

            start += position;
            int run = SecretText.RunLength(window, start, SecretText.Base64);
            ReadOnlySpan<byte> candidate = window.Slice(start, run);
            if (run == 40 && IsAwsSecretShape(candidate))
            {
                return true;
            }

            position = start + run + 1;
        }

        return false;
    }

    /// <summary>A random 30-byte base64 value mixes cases and digits; a SHA-1 (40 hex digits) or a word run does not.</summary>
    private static bool IsAwsSecretShape(ReadOnlySpan<byte> candidate)
    {
        if (candidate.IndexOf("EXAMPLEKEY"u8) >= 0)
        {
            return false;
        }

        bool upper = candidate.IndexOfAnyInRange((byte)'A', (byte)'Z') >= 0;
        bool lower = candidate.IndexOfAnyInRange((byte)'a', (byte)'z') >= 0;
        bool digit = candidate.IndexOfAnyInRange((byte)'0', (byte)'9') >= 0;
        return upper && lower && digit && SecretText.LooksRandom(candidate);
    }

    private static Match MatchGoogleApiKey(ReadOnlySpan<byte> content, int at)
    {
        const int KeyLength = 39;
        if (!StartsWord(content, at))
        {
            return default;
        }

        int run = SecretText.RunLength(content, at, s_urlSafeToken);
        ReadOnlySpan<byte> key = content.Slice(at, run);
        return run == KeyLength && SecretText.LooksRandom(key[4..])
            ? new Match(SecretRules.GoogleApiKey, $"a Google API key ({SecretRedaction.Redact(key)})", IsSecret: true, at + run)
            : default;
    }

    private static Match MatchGitHubToken(ReadOnlySpan<byte> content, int at)
    {
        if (!StartsWord(content, at))
        {
            return default;
        }

        // Classic tokens: 4-character prefix and 36 alphanumerics; fine-grained: github_pat_ and 82 word characters.
        bool fineGrained = content[at..].StartsWith("github_pat_"u8);
        int prefix = fineGrained ? "github_pat_".Length : 4;
        int run = fineGrained
            ? SecretText.RunLength(content, at + prefix, s_wordBytes)
            : SecretText.RunLength(content, at + prefix, SecretText.Alphanumeric);
        int minimum = fineGrained ? 50 : 36;
        ReadOnlySpan<byte> token = content.Slice(at, prefix + run);
        return run >= minimum && SecretText.LooksRandom(token[prefix..])
            ? new Match(SecretRules.GitHubToken, $"a GitHub token ({SecretRedaction.Redact(token)})", IsSecret: true, at + token.Length)
            : default;
    }

    private static Match MatchSlackToken(ReadOnlySpan<byte> content, int at)
    {
        if (!StartsWord(content, at))
        {
            return default;
        }

        // xoxb-<team digits>-<bot digits>-<random>: the digits tell a token from "xoxb-your-token-here".
        int run = SecretText.RunLength(content, at, s_slackToken);
        ReadOnlySpan<byte> token = content.Slice(at, run);
        int digits = CountDigits(token);
        return run >= 24 && digits >= 6 && SecretText.LooksRandom(token[5..])
            ? new Match(SecretRules.SlackToken, $"a Slack token ({SecretRedaction.Redact(token)})", IsSecret: true, at + run)
            : default;
    }

    private static int CountDigits(ReadOnlySpan<byte> token)
    {
        int digits = 0;
        foreach (byte b in token)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                digits++;
            }
        }

        return digits;
    }

    private static Match MatchStripeKey(ReadOnlySpan<byte> content, int at)
    {
        const int PrefixLength = 8;
        if (!StartsWord(content, at))
        {
            return default;
        }

        int run = SecretText.RunLength(content, at + PrefixLength, SecretText.Alphanumeric);
        ReadOnlySpan<byte> key = content.Slice(at, PrefixLength + run);
        return run >= 20 && SecretText.LooksRandom(key[PrefixLength..])
            ? new Match(SecretRules.StripeSecretKey, $"a Stripe live secret key ({SecretRedaction.Redact(key)})", IsSecret: true, at + key.Length)
            : default;
    }

    private static Match MatchPyPiToken(ReadOnlySpan<byte> content, int at)
    {
        if (!StartsWord(content, at))
        {
            return default;
        }

        // An upload token is a base64 macaroon whose first bytes encode its location ("pypi-AgEIcHlwaS5vcmc" for pypi.org).
        int run = SecretText.RunLength(content, at + 5, s_urlSafeToken);
        ReadOnlySpan<byte> token = content.Slice(at, 5 + run);
        return run >= 50 && SecretText.LooksRandom(token[5..])
            ? new Match(SecretRules.PyPiToken, $"a PyPI upload token ({SecretRedaction.Redact(token)})", IsSecret: true, at + token.Length)
            : default;
    }
}

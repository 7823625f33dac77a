using System.Buffers;
using System.Text;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The rules that apply to any text file: private key blocks and well-known credential formats. One vectorised search
/// for all the anchors (<c>-----BEGIN</c>, <c>AKIA</c>, <c>ghp_</c>...) finds the candidates; only those are validated,
/// with span code, so a file without a candidate costs one pass.
/// </summary>
/// <remarks>
/// <see cref="SearchValues{T}"/> of strings (a multi-pattern vectorised search) only exists for chars, so the bytes are
/// widened as Latin-1 (one byte, one char, offsets unchanged) in chunks that stay in the CPU cache; UTF-8 text outside
/// ASCII widens to garbage chars, which cannot match the ASCII anchors.
/// </remarks>
internal static partial class SecretContentScanner
{
    private const int ChunkLength = 16 * 1024;

    private static readonly string[] s_anchorList =
    [
        "-----BEGIN ",
        "AKIA", "ASIA",
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
        "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xoxo-",
        "sk_live_", "rk_live_",
        "AIza",
        "pypi-AgE",
    ];

    private static readonly string[] s_allAnchors = [.. s_anchorList.Concat(SecretTokenFormats.Anchors).Distinct(StringComparer.Ordinal)];

    private static readonly SearchValues<string> s_anchors = SearchValues.Create(s_allAnchors, StringComparison.Ordinal);

    private static readonly int s_longestAnchor = MaxLength(s_allAnchors);

    public static void Scan(string path, ReadOnlySpan<byte> content, ref List<SecretFinding>? findings)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(ChunkLength + s_longestAnchor);
        try
        {
            var locator = new SecretLineLocator(content);
            int chunkStart = 0;

            // Where the next candidate may start: a validated match moves it past its end, so a key body is not rescanned.
            int resume = 0;
            while (chunkStart < content.Length)
            {
                int windowLength = Math.Min(ChunkLength + s_longestAnchor - 1, content.Length - chunkStart);
                int written = Encoding.Latin1.GetChars(content.Slice(chunkStart, windowLength), buffer);
                ReadOnlySpan<char> window = buffer.AsSpan(0, written);

                // Anchors starting in the overlap past ChunkLength belong to the next chunk.
                int ownedLength = Math.Min(ChunkLength, windowLength);
                int position = Math.Max(0, resume - chunkStart);
                while (position < ownedLength)
                {
                    int hit = window[position..].IndexOfAny(s_anchors);
                    if (hit < 0 || position + hit >= ownedLength)
                    {
                        break;
                    }

                    int at = chunkStart + position + hit;
                    int end = Validate(path, content, at, ref locator, ref findings);
                    resume = Math.Max(at + 1, end);
                    position = resume - chunkStart;
                }

                chunkStart += ChunkLength;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Checks the candidate at <paramref name="at"/>; returns where scanning resumes.</summary>
    private static int Validate(string path, ReadOnlySpan<byte> content, int at, ref SecretLineLocator locator, ref List<SecretFinding>? findings)
    {
        var token = SecretTokenFormats.Match(content, at);
        Match match = token.Rule is not null ? new Match(token.Rule, token.Detail, IsSecret: true, token.End) : content[at] switch
        {
            (byte)'-' => MatchPrivateKey(content, at),
            (byte)'A' when content[at + 1] == (byte)'I' => MatchGoogleApiKey(content, at),
            (byte)'A' => MatchAws(content, at),
            (byte)'g' => MatchGitHubToken(content, at),
            (byte)'x' => MatchSlackToken(content, at),
            (byte)'s' or (byte)'r' when content[(at + 1)..].StartsWith("k_live_"u8) => MatchStripeKey(content, at),
            (byte)'p' => MatchPyPiToken(content, at),
            _ => default,
        };

        if (match.Rule is null)
        {
            return at + 1;
        }

        (int line, int column) = locator.Locate(at);
        (findings ??= []).Add(new SecretFinding(path, line, match.Rule, match.Detail!, match.IsSecret) { Column = column });
        return match.End;
    }

    private static int MaxLength(string[] values)
    {
        int max = 0;
        foreach (string value in values)
        {
            max = Math.Max(max, value.Length);
        }

        return max;
    }

    /// <summary>A validated candidate; <see cref="Rule"/> is null when the candidate is not a secret.</summary>
    private readonly record struct Match(string? Rule, string? Detail, bool IsSecret, int End);
}

using Microsoft.Extensions.FileSystemGlobbing;
using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The <c>include</c> or <c>exclude</c> globs of the configuration, matched with Microsoft.Extensions.FileSystemGlobbing.
/// The user writes them gitignore-style; Matcher speaks its own dialect, so each glob is translated:
/// a glob without a slash matches at any depth (<c>*.map</c> becomes <c>**/*.map</c>), a leading slash anchors it,
/// and a glob naming a folder also takes everything below it (<c>p</c> becomes <c>p</c> and <c>p/**</c>).
/// Limits of Matcher that bite: no character classes (<c>[ab]</c> is literal) and no <c>!</c> negation inside a list;
/// packd warns on both rather than guessing.
/// </summary>
internal sealed class GlobSet
{
    private readonly string[] _globs;
    private readonly Matcher[] _matchers;
    private readonly Matcher _any;

    private GlobSet(string[] globs, Matcher[] matchers, Matcher any, string[] literalPrefixes)
    {
        _globs = globs;
        _matchers = matchers;
        _any = any;
        LiteralPrefixes = literalPrefixes;
    }

    public bool IsEmpty => _globs.Length == 0;

    /// <summary>Per glob, the folder path before its first wildcard (with a trailing <c>/</c>), empty when it can match anywhere.</summary>
    public IReadOnlyList<string> LiteralPrefixes { get; }

    public static GlobSet Create(IReadOnlyList<string> globs, string setting, DiagnosticBag diagnostics)
    {
        var kept = new List<string>();
        var matchers = new List<Matcher>();
        var prefixes = new List<string>();
        var any = new Matcher(StringComparison.Ordinal);
        foreach (string raw in globs)
        {
            string glob = raw.Trim().Replace('\\', '/');
            if (glob.Length == 0 || glob == "/")
            {
                diagnostics.Error(DiagnosticCodes.InvalidGlob, $"An empty glob in [tool.packd] {setting}.", "pyproject.toml",
                    fix: $"Remove the empty string from [tool.packd] {setting}.");
                continue;
            }

            if (glob.Contains('[', StringComparison.Ordinal) || glob[0] == '!')
            {
                diagnostics.Warning(DiagnosticCodes.InvalidGlob,
                    $"The glob '{raw}' in [tool.packd] {setting} uses a character class or a negation, which packd's glob matcher treats literally.",
                    "pyproject.toml", fix: "Spell the names out or use '*' and '?' wildcards.");
            }

            bool directoryOnly = glob.EndsWith('/');
            glob = glob.TrimEnd('/');
            string translated = glob[0] == '/' ? glob[1..] : glob.Contains('/', StringComparison.Ordinal) ? glob : "**/" + glob;
            var matcher = new Matcher(StringComparison.Ordinal);
            if (!directoryOnly)
            {
                matcher.AddInclude(translated);
                any.AddInclude(translated);
            }

            matcher.AddInclude(translated + "/**");
            any.AddInclude(translated + "/**");
            kept.Add(raw);
            matchers.Add(matcher);
            prefixes.Add(LiteralPrefix(translated));
        }

        return new GlobSet([.. kept], [.. matchers], any, [.. prefixes]);
    }

    /// <summary>Maps each matching path to the first glob (as the user wrote it) that matches it.</summary>
    public Dictionary<string, string> MatchAll(IReadOnlyList<string> paths)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_globs.Length == 0 || paths.Count == 0)
        {
            return result;
        }

        // One pass of the combined matcher finds the hits; only they are attributed glob by glob.
        const string root = "/packd-root";
        var hits = new List<string>();
        foreach (var match in _any.Match(root, paths).Files)
        {
            hits.Add(match.Path);
        }

        if (hits.Count == 0)
        {
            return result;
        }

        for (int i = 0; i < _matchers.Length; i++)
        {
            foreach (var match in _matchers[i].Match(root, hits).Files)
            {
                result.TryAdd(match.Path, _globs[i]);
            }
        }

        return result;
    }

    private static string LiteralPrefix(string translated)
    {
        int wildcard = translated.AsSpan().IndexOfAny("*?[");
        if (wildcard < 0)
        {
            return translated + "/";
        }

        int slash = translated.LastIndexOf('/', wildcard);
        return slash < 0 ? string.Empty : translated[..(slash + 1)];
    }
}

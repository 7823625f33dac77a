using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Standards;

/// <summary>A PEP 440 version, kept in its normalized form.</summary>
public sealed partial class Pep440Version
{
    private Pep440Version(string normalized, bool hasLocal)
    {
        Normalized = normalized;
        HasLocal = hasLocal;
    }

    /// <summary>The canonical text: lowercased, integer segments, a/b/rc, .postN, .devN, local with dots. Trailing zeros kept.</summary>
    public string Normalized { get; }

    /// <summary>True when a local label (<c>+abc</c>) is present; PyPI refuses those.</summary>
    public bool HasLocal { get; }

    /// <summary>How many dot-separated numbers the release segment has (<c>~=</c> needs at least two).</summary>
    public int ReleaseSegmentCount { get; private init; }

    /// <summary>True when the version has a pre-, post- or dev-release part.</summary>
    public bool HasSuffix { get; private init; }

    public static bool TryParse(string text, [NotNullWhen(true)] out Pep440Version? version)
    {
        ArgumentNullException.ThrowIfNull(text);
        version = null;

        // The spec's appendix regex, anchored with \z: the version must be the whole text apart from surrounding whitespace.
        Match match = VersionPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var sb = new StringBuilder(text.Length);
        string epoch = TrimLeadingZeros(match.Groups["epoch"].Value);
        if (epoch.Length > 0 && epoch != "0")
        {
            sb.Append(epoch).Append('!');
        }

        string[] release = match.Groups["release"].Value.Split('.');
        for (int i = 0; i < release.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('.');
            }

            sb.Append(TrimLeadingZeros(release[i]));
        }

        if (match.Groups["pre"].Success)
        {
            sb.Append(match.Groups["prel"].Value.ToLowerInvariant() switch
            {
                "a" or "alpha" => "a",
                "b" or "beta" => "b",
                _ => "rc", // c, rc, pre, preview
            });
            sb.Append(NumberOrZero(match.Groups["pren"]));
        }

        if (match.Groups["post"].Success)
        {
            // "1.0-1" is the implicit post-release form; "1.0post" has an implicit 0.
            Group number = match.Groups["postn1"].Success ? match.Groups["postn1"] : match.Groups["postn2"];
            sb.Append(".post").Append(NumberOrZero(number));
        }

        if (match.Groups["dev"].Success)
        {
            sb.Append(".dev").Append(NumberOrZero(match.Groups["devn"]));
        }

        bool hasLocal = match.Groups["local"].Success;
        if (hasLocal)
        {
            sb.Append('+');
            string[] parts = match.Groups["local"].Value.Split('.', '-', '_');
            for (int i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append('.');
                }

                // Numeric local parts compare as integers, so their canonical text drops leading zeros.
                string part = parts[i];
                sb.Append(IsAllDigits(part) ? TrimLeadingZeros(part) : part.ToLowerInvariant());
            }
        }

        version = new Pep440Version(sb.ToString(), hasLocal)
        {
            ReleaseSegmentCount = release.Length,
            HasSuffix = match.Groups["pre"].Success || match.Groups["post"].Success || match.Groups["dev"].Success,
        };
        return true;
    }

    public override string ToString() => Normalized;

    private static string NumberOrZero(Group group) => group.Success ? TrimLeadingZeros(group.Value) : "0";

    private static string TrimLeadingZeros(string digits)
    {
        int i = 0;
        while (i < digits.Length - 1 && digits[i] == '0')
        {
            i++;
        }

        return digits[i..];
    }

    private static bool IsAllDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    [GeneratedRegex("""
        \A\s*
        v?
        (?:(?<epoch>[0-9]+)!)?
        (?<release>[0-9]+(?:\.[0-9]+)*)
        (?<pre>[-_.]?(?<prel>alpha|a|beta|b|preview|pre|c|rc)[-_.]?(?<pren>[0-9]+)?)?
        (?<post>(?:-(?<postn1>[0-9]+))|(?:[-_.]?(?:post|rev|r)[-_.]?(?<postn2>[0-9]+)?))?
        (?<dev>[-_.]?dev[-_.]?(?<devn>[0-9]+)?)?
        (?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
        \s*\z
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex VersionPattern();
}

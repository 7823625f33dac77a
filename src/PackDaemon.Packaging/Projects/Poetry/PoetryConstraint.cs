using System.Text.RegularExpressions;

namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>
/// A poetry version constraint (<c>^1.2</c>, <c>~1.2</c>, <c>1.2.*</c>, <c>&gt;=1,&lt;2</c>, <c>^1 || ^2</c>), read the way
/// poetry-core 1.4 reads it: a union of disjoint intervals, each comma- or space-separated part intersected. The
/// renderings below print what poetry-core 1.4 writes into METADATA for it.
/// </summary>
internal sealed partial class PoetryConstraint
{
    private PoetryConstraint(string text, IReadOnlyList<PoetryRange> ranges)
    {
        Text = text;
        Ranges = ranges;
    }

    public string Text { get; }

    /// <summary>Sorted, disjoint, never touching; empty when nothing is allowed.</summary>
    public IReadOnlyList<PoetryRange> Ranges { get; }

    public bool IsAny => Ranges.Count == 1 && Ranges[0].IsAny;

    /// <summary>Null with <paramref name="error"/> set when poetry-core would refuse the text, or when it holds a version
    /// form packd does not model (pre-, post-, dev-releases): such a project is built by poetry-core itself.</summary>
    public static PoetryConstraint? Parse(string text, out string? error)
    {
        error = null;
        var trimmed = text.Trim();
        if (trimmed == "*")
        {
            return new PoetryConstraint(text, [PoetryRange.Any]);
        }

        var union = new List<PoetryRange>();
        foreach (var group in OrSeparator().Split(trimmed))
        {
            var ranges = new List<PoetryRange> { PoetryRange.Any };
            var groupText = group.TrimEnd(',').TrimEnd();
            foreach (var single in AndSeparator().Split(groupText))
            {
                var parsed = ParseSingle(single.Trim());
                if (parsed is null)
                {
                    error = $"`{single.Trim()}` is not a version constraint packd reads the way poetry-core does";
                    return null;
                }

                ranges = Intersect(ranges, parsed);
            }

            union.AddRange(ranges);
        }

        return new PoetryConstraint(text, Normalize(union));
    }

    public bool AllowsAny(PoetryRange range) => Ranges.Any(r => !r.Intersect(range).IsEmpty);

    /// <summary>The specifier poetry-core 1.4 writes after a dependency's name, without its parentheses; empty for any
    /// version; null when poetry-core would write something that is not a PEP 508 specifier (a `||` union).</summary>
    public string? ToRequirementSpecifier()
    {
        if (Ranges.Count == 0)
        {
            return null;
        }

        if (Ranges.Count == 1)
        {
            return Ranges[0].IsAny ? "" : Ranges[0].IsSingleVersion ? "==" + Ranges[0].Min!.Text : Ranges[0].ToString();
        }

        // A union: poetry-core prints each comma-separated part of the text on its own, which keeps `!=` parts readable.
        var parts = new List<string>();
        foreach (var part in Text.Split(','))
        {
            var trimmed = part.Trim();
            var excluded = NotEqualPart().Match(trimmed);
            if (excluded.Success)
            {
                parts.Add("!=" + excluded.Groups["version"].Value);
                continue;
            }

            var parsed = Parse(trimmed, out _);
            if (parsed is null || parsed.Ranges.Count != 1)
            {
                return null;
            }

            parts.Add(parsed.ToRequirementSpecifier()!);
        }

        return string.Join(',', parts);
    }

    // poetry-core's format_python_constraint: a union is spelled as the lowest accepted minor series and a `!=X.Y.*` for
    // every known series it leaves out.
    private static readonly string[] s_pythonSeries =
        ["2.7", "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11"];

    /// <summary>The <c>Requires-Python</c> value poetry-core 1.4 writes for a <c>python</c> dependency.</summary>
    public string? ToRequiresPython()
    {
        if (Ranges.Count == 0)
        {
            return null;
        }

        if (Ranges.Count == 1 && Ranges[0].IsSingleVersion)
        {
            var version = Ranges[0].Min!;
            if (version.Precision >= 3)
            {
                return "==" + version.Text;
            }

            var widened = version.Precision == 2
                ? new PoetryRange(version, true, version.NextMinor(), false)
                : new PoetryRange(PoetryVersion.FromParts(version.Major, 0), true, PoetryVersion.FromParts(version.Major + 1, 0), false);
            return widened.ToString();
        }

        if (Ranges.Count == 1)
        {
            return Ranges[0].ToString();
        }

        var excluded = new List<string>();
        string? lowest = null;
        foreach (var series in s_pythonSeries)
        {
            if (AllowsAny(Series(series)))
            {
                lowest ??= series;
            }
            else
            {
                excluded.Add("!=" + series + ".*");
            }
        }

        return lowest is null ? null : string.Join(", ", [">=" + lowest, .. excluded]);
    }

    /// <summary>The environment marker poetry-core 1.4 writes for a dependency's own <c>python</c> key; null when it would
    /// need <c>python_full_version</c> or nested unions, which packd leaves to poetry-core.</summary>
    public string? ToPythonMarker()
    {
        var parts = new List<string>();
        foreach (var range in Ranges)
        {
            string? part = range switch
            {
                { IsAny: true } => null,
                { IsSingleVersion: true } when range.Min!.Precision <= 2 => $"python_version == \"{range.Min.Text}\"",
                { IsSingleVersion: true } => null,
                _ => RangeMarker(range),
            };
            if (part is null)
            {
                return null;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join(" or ", parts);
    }

    private static string? RangeMarker(PoetryRange range)
    {
        // `python_version <= 3.10` and `> 3.6` do not mean what the range means (poetry-core rewrites them); not modelled.
        if ((range.Min is not null && (!range.IncludeMin || range.Min.Precision > 2))
            || (range.Max is not null && (range.IncludeMax || range.Max.Precision > 2)))
        {
            return null;
        }

        var parts = new List<string>();
        if (range.Min is not null)
        {
            parts.Add($"python_version >= \"{range.Min.Text}\"");
        }

        if (range.Max is not null)
        {
            parts.Add($"python_version < \"{range.Max.Text}\"");
        }

        return string.Join(" and ", parts);
    }

    /// <summary><c>3.8</c> as the series <c>3.8.*</c>.</summary>
    public static PoetryRange Series(string majorMinor)
    {
        var version = PoetryVersion.Parse(majorMinor)!;
        return version.Precision == 1
            ? new PoetryRange(PoetryVersion.FromParts(version.Major, 0, 0), true, PoetryVersion.FromParts(version.Major + 1, 0, 0), false)
            : new PoetryRange(PoetryVersion.FromParts(version.Major, version.Minor, 0), true, PoetryVersion.FromParts(version.Major, version.Minor + 1, 0), false);
    }

    private static List<PoetryRange>? ParseSingle(string text)
    {
        if (AnyVersion().IsMatch(text))
        {
            return [PoetryRange.Any];
        }

        Match match;
        if ((match = Tilde().Match(text)).Success && PoetryVersion.Parse(match.Groups["version"].Value) is { } tilde)
        {
            var high = tilde.Precision == 1 ? tilde.NextMajor() : tilde.NextMinor();
            return [new PoetryRange(tilde, true, high, false)];
        }

        if ((match = TildePep440().Match(text)).Success && PoetryVersion.Parse(match.Groups["version"].Value) is { } compatible)
        {
            var high = compatible.Precision == 2 ? compatible.NextMajor() : compatible.NextMinor();
            return [new PoetryRange(compatible, true, high, false)];
        }

        if ((match = Caret().Match(text)).Success && PoetryVersion.Parse(match.Groups["version"].Value) is { } caret)
        {
            return [new PoetryRange(caret, true, caret.NextBreaking(), false)];
        }

        if ((match = Wildcard().Match(text)).Success)
        {
            var major = int.Parse(match.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
            PoetryRange range;
            if (match.Groups["minor"].Success)
            {
                var low = PoetryVersion.FromParts(major, int.Parse(match.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture), 0);
                range = new PoetryRange(low, true, low.NextMinor(), false);
            }
            else
            {
                range = major == 0
                    ? new PoetryRange(null, false, PoetryVersion.FromParts(1, 0, 0), false)
                    : new PoetryRange(PoetryVersion.FromParts(major, 0, 0), true, PoetryVersion.FromParts(major + 1, 0, 0), false);
            }

            return match.Groups["op"].Value == "!=" ? Complement(range) : [range];
        }

        if ((match = Basic().Match(text)).Success && PoetryVersion.Parse(match.Groups["version"].Value) is { } version)
        {
            return match.Groups["op"].Value switch
            {
                "<" => [new PoetryRange(null, false, version, false)],
                "<=" => [new PoetryRange(null, false, version, true)],
                ">" => [new PoetryRange(version, false, null, false)],
                ">=" => [new PoetryRange(version, true, null, false)],
                "!=" or "<>" => [new PoetryRange(null, false, version, false), new PoetryRange(version, false, null, false)],
                _ => [PoetryRange.Exactly(version)],
            };
        }

        return null;
    }

    private static List<PoetryRange> Complement(PoetryRange range)
    {
        var result = new List<PoetryRange>();
        if (range.Min is not null)
        {
            result.Add(new PoetryRange(null, false, range.Min, !range.IncludeMin));
        }

        if (range.Max is not null)
        {
            result.Add(new PoetryRange(range.Max, !range.IncludeMax, null, false));
        }

        return result;
    }

    private static List<PoetryRange> Intersect(List<PoetryRange> left, List<PoetryRange> right)
    {
        var result = new List<PoetryRange>();
        foreach (var a in left)
        {
            foreach (var b in right)
            {
                var both = a.Intersect(b);
                if (!both.IsEmpty)
                {
                    result.Add(both);
                }
            }
        }

        return Normalize(result);
    }

    /// <summary>Sorts by lower bound and merges overlapping or touching intervals, as poetry-core's VersionUnion.of does.</summary>
    private static List<PoetryRange> Normalize(List<PoetryRange> ranges)
    {
        var sorted = ranges.Where(static r => !r.IsEmpty).ToList();
        sorted.Sort(static (a, b) => a.Min is null ? (b.Min is null ? 0 : -1) : b.Min is null ? 1
            : a.Min.CompareTo(b.Min) is var order and not 0 ? order : (a.IncludeMin == b.IncludeMin ? 0 : a.IncludeMin ? -1 : 1));
        var merged = new List<PoetryRange>();
        foreach (var range in sorted)
        {
            if (merged.Count > 0 && merged[^1].OverlapsOrTouches(range))
            {
                var last = merged[^1];
                var maxFromRange = last.Max is not null && (range.Max is null || range.Max.CompareTo(last.Max) > 0
                    || (range.Max.CompareTo(last.Max) == 0 && range.IncludeMax));
                merged[^1] = maxFromRange ? last with { Max = range.Max, IncludeMax = range.IncludeMax } : last;
                continue;
            }

            merged.Add(range);
        }

        return merged;
    }

    private const string Version = @"v?(?<version>[0-9]+(?:\.[0-9]+)*)";

    [GeneratedRegex(@"\s*\|\|?\s*")]
    private static partial Regex OrSeparator();

    [GeneratedRegex(@"(?<!^)(?<![~=>< ,]) *(?<!-)[, ](?!-) *(?!,|$)")]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^v?[xX*](\.[xX*])*$")]
    private static partial Regex AnyVersion();

    [GeneratedRegex(@"^~(?!=)\s*" + Version + "$", RegexOptions.IgnoreCase)]
    private static partial Regex Tilde();

    [GeneratedRegex(@"^~=\s*" + Version + "$", RegexOptions.IgnoreCase)]
    private static partial Regex TildePep440();

    [GeneratedRegex(@"^\^" + Version + "$", RegexOptions.IgnoreCase)]
    private static partial Regex Caret();

    [GeneratedRegex(@"^(?<op>!=|==)?\s*v?(?<major>\d+)(?:\.(?<minor>\d+))?(?:\.(?<patch>\d+))?(?:\.[xX*])+$")]
    private static partial Regex Wildcard();

    [GeneratedRegex(@"^(?<op><>|!=|>=?|<=?|==?)?\s*" + Version + @"(\.\*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Basic();

    [GeneratedRegex(@"^!=\s*(?<version>[0-9]+(?:\.[0-9]+)*(?:\.\*)?)$")]
    private static partial Regex NotEqualPart();
}

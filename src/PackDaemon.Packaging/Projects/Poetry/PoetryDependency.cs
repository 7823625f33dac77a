using System.Text.RegularExpressions;
using PackDaemon.Packaging.Standards;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects.Poetry;

/// <summary>
/// One entry of <c>[tool.poetry.dependencies]</c> as poetry-core 1.4 writes it into <c>Requires-Dist</c>:
/// <c>name[extras] (specifier) ; marker</c>, the extra clause added later once <c>[tool.poetry.extras]</c> is known.
/// </summary>
/// <param name="Name">The name as written (poetry-core keeps its spelling in Requires-Dist).</param>
/// <param name="Base">Everything before the marker: <c>requests (&gt;=2.28,&lt;3.0)</c> or <c>pkg @ git+url@ref</c>.</param>
/// <param name="Marker">The dependency's own marker (<c>markers</c>, <c>python</c>, <c>platform</c>), or null.</param>
internal sealed partial record PoetryDependency(string Name, string Base, string? Marker, bool Optional)
{
    private static readonly string[] s_referenceKeys = ["branch", "tag", "rev"];

    public string NormalizedName => ProjectName.Normalize(Name);

    /// <summary>The Requires-Dist value, with the extras that pull this dependency in (in <c>[tool.poetry.extras]</c> order).</summary>
    public string ToRequiresDist(IReadOnlyList<string> inExtras)
    {
        var extraMarker = inExtras.Count == 0 ? null : string.Join(" or ", inExtras.Select(static e => $"extra == \"{e}\""));
        var marker = (Marker, extraMarker) switch
        {
            (null, null) => null,
            ({ } own, null) => own,
            (null, { } extra) => extra,
            ({ } own, { } extra) => $"({own}) and ({extra})",
        };
        return marker is null ? Base : $"{Base} ; {marker}";
    }

    /// <summary>Translates one constraint (a string, or a table); null with <paramref name="unsupported"/> saying why when
    /// packd cannot write what poetry-core would (the project is then built by poetry-core itself).</summary>
    public static PoetryDependency? Translate(string name, object? value, out string? unsupported)
    {
        unsupported = null;
        if (value is string text)
        {
            var specifier = Specifier(text, out unsupported);
            return specifier is null ? null : new PoetryDependency(name, Join(name, [], specifier), null, false);
        }

        if (value is not TomlTable table)
        {
            unsupported = "a dependency must be a constraint string or a table";
            return null;
        }

        foreach (var key in table.Keys)
        {
            if (key is not ("version" or "optional" or "python" or "markers" or "extras" or "git" or "branch" or "tag"
                or "rev" or "subdirectory" or "url" or "platform" or "allow-prereleases" or "allows-prereleases" or "source"))
            {
                unsupported = $"the dependency key `{key}` (path and file dependencies name an absolute location)";
                return null;
            }
        }

        var extras = table.TryGetValue("extras", out var extrasValue) && extrasValue is TomlArray array
            ? array.OfType<string>().Select(ProjectName.Normalize).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [];
        string baseText;
        if (table.TryGetValue("git", out var git) && git is string gitUrl)
        {
            var reference = s_referenceKeys.Select(k => table.TryGetValue(k, out var r) ? r as string : null).FirstOrDefault(static r => r is not null);
            var subdirectory = table.TryGetValue("subdirectory", out var sub) ? sub as string : null;
            baseText = $"{NameWithExtras(name, extras)} @ git+{gitUrl}{(reference is null ? "" : "@" + reference)}{(subdirectory is null ? "" : "#subdirectory=" + subdirectory)}";
        }
        else if (table.TryGetValue("url", out var url) && url is string link)
        {
            baseText = $"{NameWithExtras(name, extras)} @ {link}";
        }
        else if (table.TryGetValue("version", out var version) && version is string constraint)
        {
            var specifier = Specifier(constraint, out unsupported);
            if (specifier is null)
            {
                return null;
            }

            baseText = Join(name, extras, specifier);
        }
        else
        {
            unsupported = "a dependency table needs a string `version`, `git` or `url`";
            return null;
        }

        var markers = new List<string>();
        if (table.TryGetValue("markers", out var markersValue) && markersValue is string userMarker && userMarker.Trim().Length > 0)
        {
            if (NormalizeMarker(userMarker) is not { } normalized)
            {
                unsupported = $"the marker `{userMarker}` (packd writes only `and`-joined comparisons the way poetry-core does)";
                return null;
            }

            markers.Add(normalized);
        }

        if (table.TryGetValue("python", out var pythonValue) && pythonValue is string python)
        {
            var parsed = PoetryConstraint.Parse(python, out unsupported);
            if (parsed is null)
            {
                return null;
            }

            if (!parsed.IsAny)
            {
                if (parsed.ToPythonMarker() is not { } pythonMarker || (pythonMarker.Contains(" or ", StringComparison.Ordinal) && markers.Count > 0))
                {
                    unsupported = $"the python constraint `{python}` of a dependency (poetry-core rewrites it into a marker packd does not model)";
                    return null;
                }

                markers.Add(pythonMarker);
            }
        }

        if (table.TryGetValue("platform", out var platformValue) && platformValue is string platform)
        {
            if (!PlainValue().IsMatch(platform))
            {
                unsupported = $"the platform constraint `{platform}`";
                return null;
            }

            markers.Add($"sys_platform == \"{platform.Trim()}\"");
        }

        var optional = table.TryGetValue("optional", out var optionalValue) && optionalValue is true;
        return new PoetryDependency(name, baseText, markers.Count == 0 ? null : string.Join(" and ", markers), optional);
    }

    private static string? Specifier(string constraint, out string? unsupported)
    {
        unsupported = null;
        var parsed = PoetryConstraint.Parse(constraint, out unsupported);
        if (parsed is null)
        {
            return null;
        }

        var specifier = parsed.ToRequirementSpecifier();
        if (specifier is null)
        {
            unsupported = $"the constraint `{constraint}` (poetry-core 1.4 writes a `||` union, which is not a PEP 508 specifier)";
        }

        return specifier;
    }

    private static string NameWithExtras(string name, IReadOnlyList<string> extras)
        => extras.Count == 0 ? name : $"{name}[{string.Join(',', extras)}]";

    private static string Join(string name, IReadOnlyList<string> extras, string specifier)
        => specifier.Length == 0 ? NameWithExtras(name, extras) : $"{NameWithExtras(name, extras)} ({specifier})";

    /// <summary>poetry-core re-prints a marker it parsed: single spaces, double quotes. Only <c>and</c> chains of plain
    /// comparisons are rewritten here; an <c>or</c> or parentheses make poetry-core reorder clauses, left to it.</summary>
    public static string? NormalizeMarker(string marker)
    {
        var clauses = new List<string>();
        foreach (var clause in AndWord().Split(marker.Trim()))
        {
            var match = MarkerClause().Match(clause);
            if (!match.Success || match.Groups["variable"].Value == "extra")
            {
                return null;
            }

            clauses.Add($"{match.Groups["variable"].Value} {match.Groups["op"].Value} \"{match.Groups["value"].Value}\"");
        }

        return string.Join(" and ", clauses);
    }

    [GeneratedRegex(@"\s+and\s+")]
    private static partial Regex AndWord();

    [GeneratedRegex(@"^\s*(?<variable>[a-z_]+)\s*(?<op>===|==|!=|<=|>=|~=|<|>)\s*(?<quote>['""])(?<value>[^'""]*)\k<quote>\s*$")]
    private static partial Regex MarkerClause();

    [GeneratedRegex(@"^\s*[A-Za-z0-9_.-]+\s*$")]
    private static partial Regex PlainValue();
}

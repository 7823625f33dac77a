using System.Text;

namespace PackDaemon.Packaging.Metadata;

/// <summary>Writes entry_points.txt: groups and names sorted, <c>name = module:attr</c>.</summary>
public static class EntryPointsWriter
{
    /// <returns>The file text, or null when there are no entry points (the file is then omitted).</returns>
    public static string? Write(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var groupNames = new List<string>(groups.Count);
        foreach (var (group, entries) in groups)
        {
            if (entries.Count > 0)
            {
                groupNames.Add(group);
            }
        }

        if (groupNames.Count == 0)
        {
            return null;
        }

        // Ordinal order: the file must be byte-identical whatever the dictionary or culture.
        groupNames.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder();
        for (var g = 0; g < groupNames.Count; g++)
        {
            if (g > 0)
            {
                sb.Append('\n');
            }

            var entries = groups[groupNames[g]];
            var names = new List<string>(entries.Keys);
            names.Sort(StringComparer.Ordinal);
            sb.Append('[').Append(groupNames[g]).Append("]\n");
            foreach (var name in names)
            {
                sb.Append(name).Append(" = ").Append(entries[name]).Append('\n');
            }
        }

        return sb.ToString();
    }
}

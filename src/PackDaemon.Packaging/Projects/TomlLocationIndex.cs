using Tomlyn.Syntax;

namespace PackDaemon.Packaging.Projects;

/// <summary>Maps key paths such as <c>project.dependencies[2]</c> or <c>project.readme.file</c> to where their value
/// starts, so each diagnostic points at the exact value rather than the table.</summary>
internal sealed class TomlLocationIndex
{
    private readonly Dictionary<string, TomlLocation> _locations = new(StringComparer.Ordinal);

    public static TomlLocationIndex Build(DocumentSyntax document)
    {
        var index = new TomlLocationIndex();
        foreach (var keyValue in document.KeyValues)
        {
            index.AddKeyValue("", keyValue);
        }

        var tableArrayCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in document.Tables)
        {
            var path = KeyPath("", table.Name);
            if (table is TableArraySyntax)
            {
                tableArrayCounts.TryGetValue(path, out var n);
                tableArrayCounts[path] = n + 1;
                path = path + "[" + n + "]";
            }

            index.AddIfAbsent(path, table.Span.Start, verbatim: false);
            foreach (var keyValue in table.Items)
            {
                index.AddKeyValue(path, keyValue);
            }
        }

        return index;
    }

    public static string Child(string parent, string key) => parent.Length == 0 ? key : parent + "." + key;

    public static string Item(string parent, int index) => parent + "[" + index + "]";

    /// <summary>The location of <paramref name="path"/>, or of its nearest indexed ancestor.</summary>
    public TomlLocation Locate(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }

            current = current[..cut];
        }

        return new TomlLocation(0, 0, false);
    }

    private static string KeyPath(string prefix, KeySyntax? key)
    {
        if (key is null)
        {
            return prefix;
        }

        var path = Child(prefix, KeyText(key.Key));
        foreach (var dotted in key.DotKeys)
        {
            path = Child(path, KeyText(dotted.Key));
        }

        return path;
    }

    private static string KeyText(BareKeyOrStringValueSyntax? key) => key switch
    {
        BareKeySyntax bare => bare.Key?.Text ?? "",
        StringValueSyntax quoted => quoted.Value ?? "",
        _ => "",
    };

    private void AddKeyValue(string prefix, KeyValueSyntax keyValue)
    {
        var path = KeyPath(prefix, keyValue.Key);
        if (keyValue.Value is { } value)
        {
            AddValue(path, value);
        }
    }

    private void AddValue(string path, ValueSyntax value)
    {
        var verbatim = value is StringValueSyntax s && s.Token?.Text is { } raw && s.Value is { } text
            && raw.Length == text.Length + 2 && raw[0] is '"' or '\'' && raw.AsSpan(1, text.Length).SequenceEqual(text);
        AddIfAbsent(path, value.Span.Start, verbatim);
        switch (value)
        {
            case ArraySyntax array:
                var i = 0;
                foreach (var item in array.Items)
                {
                    if (item.Value is { } itemValue)
                    {
                        AddValue(Item(path, i), itemValue);
                    }

                    i++;
                }

                break;
            case InlineTableSyntax inline:
                foreach (var item in inline.Items)
                {
                    if (item.KeyValue is { } kv)
                    {
                        AddKeyValue(path, kv);
                    }
                }

                break;
        }
    }

    /// <summary>Records where a value that did not come from TOML text sits (a setup.cfg translation).</summary>
    public void Add(string path, TomlLocation location) => _locations[path] = location;

    private void AddIfAbsent(string path, TextPosition start, bool verbatim)
        => _locations.TryAdd(path, new TomlLocation(start.Line + 1, start.Column + 1, verbatim));
}

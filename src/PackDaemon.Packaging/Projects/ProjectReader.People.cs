using System.Buffers;
using PackDaemon.Packaging.Diagnostics;
using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects;

internal sealed partial class ProjectReader
{
    private static readonly SearchValues<char> s_nameBreakers = SearchValues.Create(",<>@");
    private static readonly SearchValues<char> s_emailBreakers = SearchValues.Create(" ,<>\t\"");

    /// <summary>PPT#authors-maintainers: name only goes to Author, email (with or without name) to Author-email.</summary>
    private (string? Names, string? Emails) ReadPeople(string key)
    {
        if (!_project.TryGetValue(key, out var value))
        {
            return (null, null);
        }

        var path = Child(key);
        if (value is not TomlArray array)
        {
            _context.TypeError(path, "an array of tables like {name = \"...\", email = \"...\"}", value);
            return (null, null);
        }

        var names = new List<string>();
        var emails = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = TomlLocationIndex.Item(path, i);
            if (array[i] is not TomlTable person)
            {
                _context.TypeError(itemPath, "a table like {name = \"...\", email = \"...\"}", array[i]);
                continue;
            }

            var ok = true;
            foreach (var field in person.Keys)
            {
                if (field is not ("name" or "email"))
                {
                    _context.Error(
                        DiagnosticCodes.PersonInvalid,
                        $"`{key}` entry has an unknown key `{field}`.",
                        TomlLocationIndex.Child(itemPath, field),
                        "Each entry holds only `name` and/or `email`.");
                    ok = false;
                }
            }

            var name = _context.GetString(person, "name", itemPath);
            var email = _context.GetString(person, "email", itemPath);
            ok &= CheckPersonName(name, TomlLocationIndex.Child(itemPath, "name"));
            ok &= CheckEmail(email, TomlLocationIndex.Child(itemPath, "email"));
            if (!ok)
            {
                continue;
            }

            if (name is null && email is null)
            {
                _context.Error(
                    DiagnosticCodes.PersonInvalid,
                    $"`{key}` entry has neither `name` nor `email`.",
                    itemPath,
                    "Give `name`, `email` or both.");
            }
            else if (email is null)
            {
                names.Add(name!);
            }
            else
            {
                emails.Add(name is null ? email : name + " <" + email + ">");
            }
        }

        return (names.Count == 0 ? null : string.Join(", ", names), emails.Count == 0 ? null : string.Join(", ", emails));
    }

    private bool CheckPersonName(string? name, string path)
    {
        if (name is null)
        {
            return true;
        }

        if (!_context.CheckSingleLine(name, path, "An author or maintainer name"))
        {
            return false;
        }

        var bad = name.AsSpan().IndexOfAny(s_nameBreakers);
        if (bad >= 0 || name.Trim().Length == 0)
        {
            // Names are comma-joined in Author and read back as an address list, so these characters would split or
            // corrupt the entry.
            _context.Error(
                DiagnosticCodes.PersonInvalid,
                $"The name `{name}` is empty or holds `,`, `<`, `>` or `@`, which would corrupt the comma-separated Author field.",
                path,
                "Write just the person's name, e.g. \"Jane Doe\", and put the address in `email`.",
                Math.Max(bad, 0) + 1);
            return false;
        }

        return true;
    }

    private bool CheckEmail(string? email, string path)
    {
        if (email is null)
        {
            return true;
        }

        if (!_context.CheckSingleLine(email, path, "An email address"))
        {
            return false;
        }

        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1 || email.AsSpan().IndexOfAny(s_emailBreakers) >= 0)
        {
            _context.Error(
                DiagnosticCodes.PersonInvalid,
                $"`{email}` is not a plain email address.",
                path,
                "Write only the address, e.g. \"jane@example.org\"; the name goes in `name`.");
            return false;
        }

        return true;
    }
}

using System.Buffers;

namespace PackDaemon.Packaging.Standards;

/// <summary>Project names per PEP 503/625 and the name-normalization spec.</summary>
public static class ProjectName
{
    private static readonly SearchValues<char> s_alphanumeric =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly SearchValues<char> s_nameCharacters =
        SearchValues.Create("-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>True when <paramref name="name"/> matches <c>^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\Z</c> (case-insensitive).</summary>
    /// <remarks>The spec uses <c>\Z</c>, so a trailing newline makes the name invalid (a span scan has no <c>$</c> pitfall).</remarks>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return IsValidSpan(name);
    }

    /// <summary>PEP 503: runs of <c>-_.</c> become one <c>-</c>, lowercased.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NormalizeWith(name, '-');
    }

    /// <summary>The escaped form used in wheel/sdist file names and .dist-info: normalized, then <c>-</c> to <c>_</c>.</summary>
    public static string ToFileNameComponent(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NormalizeWith(name, '_');
    }

    internal static bool IsValidSpan(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !s_alphanumeric.Contains(name[0]) || !s_alphanumeric.Contains(name[^1]))
        {
            return false;
        }

        return !name.ContainsAnyExcept(s_nameCharacters);
    }

    internal static bool IsAlphanumeric(char c) => s_alphanumeric.Contains(c);

    internal static bool IsNameCharacter(char c) => s_nameCharacters.Contains(c);

    private static string NormalizeWith(string name, char separator)
    {
        return string.Create(CountNormalizedLength(name), (name, separator), static (destination, state) =>
        {
            int written = 0;
            bool inRun = false;
            foreach (char c in state.name)
            {
                if (c is '-' or '_' or '.')
                {
                    if (!inRun)
                    {
                        destination[written++] = state.separator;
                        inRun = true;
                    }
                }
                else
                {
                    // Names are ASCII once valid; lowercase only ASCII so an invalid name never changes length.
                    destination[written++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                    inRun = false;
                }
            }
        });
    }

    private static int CountNormalizedLength(string name)
    {
        int length = 0;
        bool inRun = false;
        foreach (char c in name)
        {
            bool separator = c is '-' or '_' or '.';
            if (!separator || !inRun)
            {
                length++;
            }

            inRun = separator;
        }

        return length;
    }
}

namespace PackDaemon.Packaging.Standards;

/// <summary>Extra names per PEP 685.</summary>
public static class ExtraName
{
    /// <summary>True when the name is a valid extra as written: a valid project-style name (PEP 685 normalizes it like one).</summary>
    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ProjectName.IsValidSpan(name);
    }

    /// <summary>Normalized like project names: must then match <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>.</summary>
    public static string Normalize(string name) => ProjectName.Normalize(name);

    /// <summary>True when <paramref name="name"/> is already in the normalized form <c>Provides-Extra</c> requires.</summary>
    public static bool IsNormalized(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name[0] == '-' || name[^1] == '-')
        {
            return false;
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && name[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}

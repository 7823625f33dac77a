namespace PackDaemon.Packaging.Standards;

/// <summary>Project names per PEP 503/625 and the name-normalization spec.</summary>
public static class ProjectName
{
    /// <summary>True when <paramref name="name"/> matches <c>^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])\Z</c> (case-insensitive).</summary>
    public static bool IsValid(string name) => throw new NotImplementedException();

    /// <summary>PEP 503: runs of <c>-_.</c> become one <c>-</c>, lowercased.</summary>
    public static string Normalize(string name) => throw new NotImplementedException();

    /// <summary>The escaped form used in wheel/sdist file names and .dist-info: normalized, then <c>-</c> to <c>_</c>.</summary>
    public static string ToFileNameComponent(string name) => throw new NotImplementedException();
}

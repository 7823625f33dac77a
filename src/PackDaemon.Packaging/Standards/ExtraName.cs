namespace PackDaemon.Packaging.Standards;

/// <summary>Extra names per PEP 685.</summary>
public static class ExtraName
{
    public static bool IsValid(string name) => throw new NotImplementedException();

    /// <summary>Normalized like project names: must then match <c>^[a-z0-9]+(-[a-z0-9]+)*$</c>.</summary>
    public static string Normalize(string name) => throw new NotImplementedException();
}

namespace PackDaemon.Packaging.Selection;

/// <summary>One package folder or module going into the wheel.</summary>
/// <param name="SourcePath">Project-relative path (<c>src/app</c>, <c>tool.py</c>).</param>
/// <param name="WheelPath">Its path inside the wheel (<c>app</c>, <c>tool.py</c>, <c>acme/shop</c>).</param>
internal sealed record PackageRoot(string SourcePath, string WheelPath, bool IsModule)
{
    public string DisplayName => IsModule ? WheelPath : WheelPath.Replace('/', '.');

    /// <summary>The wheel path of a project-relative file, or null when the file is not part of this package.</summary>
    public string? MapToWheel(string relativePath)
    {
        if (IsModule)
        {
            return string.Equals(relativePath, SourcePath, StringComparison.Ordinal) ? WheelPath : null;
        }

        return relativePath.Length > SourcePath.Length
            && relativePath[SourcePath.Length] == '/'
            && relativePath.StartsWith(SourcePath, StringComparison.Ordinal)
            ? string.Concat(WheelPath, relativePath.AsSpan(SourcePath.Length))
            : null;
    }
}

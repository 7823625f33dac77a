namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The ignore files in force for one folder, deepest first. gitignore(5): a file in a deeper folder overrides a shallower
/// one, and <c>.git/info/exclude</c> sits below every <c>.gitignore</c>. Immutable, so sibling folders share their parents.
/// </summary>
internal sealed class IgnoreStack
{
    private IgnoreStack(GitIgnoreFile file, IgnoreStack? parent)
    {
        File = file;
        Parent = parent;
    }

    public GitIgnoreFile File { get; }

    public IgnoreStack? Parent { get; }

    public static IgnoreStack? Push(IgnoreStack? stack, GitIgnoreFile file) => file.IsEmpty ? stack : new IgnoreStack(file, stack);

    /// <param name="projectPath">Path relative to the project root.</param>
    public static IgnoreVerdict Evaluate(IgnoreStack? stack, string projectPath, bool isDirectory)
    {
        Span<char> scratch = stackalloc char[256];
        for (var node = stack; node is not null; node = node.Parent)
        {
            var file = node.File;
            ReadOnlySpan<char> below = projectPath.AsSpan(file.ProjectBase.Length);
            GitIgnorePattern? hit;
            if (file.OuterPrefix.Length == 0)
            {
                hit = file.Match(below, isDirectory);
            }
            else
            {
                int length = file.OuterPrefix.Length + below.Length;
                Span<char> buffer = length <= scratch.Length ? scratch[..length] : new char[length];
                file.OuterPrefix.AsSpan().CopyTo(buffer);
                below.CopyTo(buffer[file.OuterPrefix.Length..]);
                hit = file.Match(buffer, isDirectory);
            }

            if (hit is not null)
            {
                return new IgnoreVerdict(file, hit, null);
            }
        }

        return default;
    }
}

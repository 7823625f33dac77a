namespace PackDaemon.Packaging.Selection;

/// <summary>The compiled patterns of one ignore file, applying below one folder.</summary>
internal sealed class GitIgnoreFile
{
    private readonly GitIgnorePattern[] _patterns;

    /// <param name="displayPath">The file as shown in explanations, relative to the project root (<c>app/.gitignore</c>, <c>../.gitignore</c>).</param>
    /// <param name="projectBase">Project-relative folder (with a trailing <c>/</c>, or empty) the file governs, for files inside the project.</param>
    /// <param name="outerPrefix">For files above the project root: the project's path relative to the file's folder, with a trailing <c>/</c>.</param>
    public GitIgnoreFile(string displayPath, string projectBase, string outerPrefix, GitIgnorePattern[] patterns)
    {
        DisplayPath = displayPath;
        ProjectBase = projectBase;
        OuterPrefix = outerPrefix;
        _patterns = patterns;
    }

    public string DisplayPath { get; }

    public string ProjectBase { get; }

    public string OuterPrefix { get; }

    public bool IsEmpty => _patterns.Length == 0;

    public static GitIgnoreFile Load(string fullPath, string displayPath, string projectBase, string outerPrefix)
    {
        // Read only when it resolves inside its own folder: git itself no longer follows a symlinked .gitignore, and a
        // link to /dev/zero or another user's file must neither hang the walk nor shape the selection.
        string content = Inputs.ProjectInput.ReadAllText(Path.GetDirectoryName(fullPath)!, fullPath);
        var patterns = new List<GitIgnorePattern>();
        ReadOnlySpan<char> rest = content;
        if (rest.Length > 0 && rest[0] == '\uFEFF')
        {
            rest = rest[1..];
        }

        int lineNumber = 0;
        while (!rest.IsEmpty)
        {
            lineNumber++;
            int newline = rest.IndexOf('\n');
            ReadOnlySpan<char> line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            if (GitIgnorePattern.Parse(line, lineNumber) is { } pattern)
            {
                patterns.Add(pattern);
            }
        }

        return new GitIgnoreFile(displayPath, projectBase, outerPrefix, [.. patterns]);
    }

    /// <summary>The last pattern matching the path decides (gitignore(5)); null when none matches.</summary>
    public GitIgnorePattern? Match(ReadOnlySpan<char> pathBelowFile, bool isDirectory)
    {
        for (int i = _patterns.Length - 1; i >= 0; i--)
        {
            if (_patterns[i].IsMatch(pathBelowFile, isDirectory))
            {
                return _patterns[i];
            }
        }

        return null;
    }
}

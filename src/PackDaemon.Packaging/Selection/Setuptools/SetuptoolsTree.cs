namespace PackDaemon.Packaging.Selection.Setuptools;

/// <summary>
/// The project tree as setuptools' finders and globs see it: the files packd may package, and every folder the walk
/// met (also folders packd never packages, such as <c>node_modules</c>: setuptools' discovery counts them, so a
/// flat layout with one is refused the same way).
/// </summary>
internal sealed class SetuptoolsTree
{
    private readonly Dictionary<string, SortedSet<string>> _childFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _filesByFolder = new(StringComparer.Ordinal);
    private readonly HashSet<string> _allFiles;

    public SetuptoolsTree(IReadOnlyList<WalkedFile> walked, IReadOnlyList<PrunedFolder> pruned)
    {
        Files = walked.Where(static f => f.ExcludedReason is null).Select(static f => f.RelativePath).Order(StringComparer.Ordinal).ToList();
        FileSet = new HashSet<string>(Files, StringComparer.Ordinal);
        foreach (var file in Files)
        {
            string folder = Parent(file);
            if (!_filesByFolder.TryGetValue(folder, out var inFolder))
            {
                inFolder = [];
                _filesByFolder[folder] = inFolder;
            }

            inFolder.Add(file);
        }

        _allFiles = new HashSet<string>(walked.Select(static f => f.RelativePath), StringComparer.Ordinal);
        foreach (var file in walked)
        {
            AddFolders(Parent(file.RelativePath));
        }

        foreach (var folder in pruned)
        {
            AddFolders(folder.RelativePath);
        }
    }

    /// <summary>Packageable files, project-relative, ordinal order.</summary>
    public List<string> Files { get; }

    public HashSet<string> FileSet { get; }

    public bool FolderExists(string folder) => folder.Length == 0 || _childFolders.ContainsKey(folder);

    public bool AnyFileExists(string path) => _allFiles.Contains(path);

    public IEnumerable<string> ChildFolders(string folder)
        => _childFolders.TryGetValue(folder, out var children) ? children : [];

    /// <summary>Packageable files directly inside <paramref name="folder"/> (<c>""</c> = the root), ordinal order.</summary>
    public IReadOnlyList<string> FilesIn(string folder)
        => _filesByFolder.TryGetValue(folder, out var files) ? files : [];

    public static string Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path[..slash];
    }

    public static string Join(string folder, string name) => folder.Length == 0 ? name : name.Length == 0 ? folder : folder + "/" + name;

    private void AddFolders(string folder)
    {
        while (folder.Length > 0)
        {
            string parent = Parent(folder);
            string name = parent.Length == 0 ? folder : folder[(parent.Length + 1)..];
            if (!_childFolders.TryGetValue(parent, out var siblings))
            {
                siblings = new SortedSet<string>(StringComparer.Ordinal);
                _childFolders[parent] = siblings;
            }

            _childFolders.TryAdd(folder, new SortedSet<string>(StringComparer.Ordinal));
            if (!siblings.Add(name))
            {
                return;
            }

            folder = parent;
        }
    }
}

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// Turns an emulated backend's choices (which archive paths each file takes in the wheel and the sdist) into the
/// per-file verdicts <see cref="FileSelector"/> and <c>packd explain</c> share. One file may take several archive paths
/// (pdm-backend's wheel-data can ship a package file a second time under <c>.data/</c>).
/// </summary>
internal sealed class BackendVerdicts(string backendName)
{
    private readonly Dictionary<string, List<(string ArchivePath, string Reason)>> _wheel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string ArchivePath, string Reason)>> _sdist = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _wheelOut = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sdistOut = new(StringComparer.Ordinal);

    public void AddToWheel(string relativePath, string archivePath, string reason) => Add(_wheel, relativePath, archivePath, reason);

    public void AddToSdist(string relativePath, string archivePath, string reason) => Add(_sdist, relativePath, archivePath, reason);

    public bool InSdist(string relativePath) => _sdist.ContainsKey(relativePath);

    public bool InWheel(string relativePath) => _wheel.ContainsKey(relativePath);

    /// <summary>Why a file stays out of the wheel; the first reason given wins (the rule that decided first).</summary>
    public void LeaveOutOfWheel(string relativePath, string reason) => _wheelOut.TryAdd(relativePath, reason);

    public void LeaveOutOfSdist(string relativePath, string reason) => _sdistOut.TryAdd(relativePath, reason);

    public SelectionRun Build(TreeWalker walker)
    {
        var verdicts = new List<FileVerdict>(walker.Files.Count);
        var roots = new SortedDictionary<string, PackageRoot>(StringComparer.Ordinal);
        foreach (var file in walker.Files)
        {
            if (file.ExcludedReason is { } excluded)
            {
                verdicts.Add(new FileVerdict(file, false, excluded, null, false, excluded));
                continue;
            }

            var toWheel = _wheel.GetValueOrDefault(file.RelativePath) ?? [];
            var toSdist = _sdist.GetValueOrDefault(file.RelativePath) ?? [];
            string wheelOut = _wheelOut.GetValueOrDefault(file.RelativePath, $"not selected for the wheel by {backendName}'s rules");
            string sdistOut = _sdistOut.GetValueOrDefault(file.RelativePath, $"not selected for the sdist by {backendName}'s rules");
            int count = Math.Max(1, Math.Max(toWheel.Count, toSdist.Count));
            for (int i = 0; i < count; i++)
            {
                bool inWheel = i < toWheel.Count;
                bool inSdist = i < toSdist.Count;
                verdicts.Add(new FileVerdict(
                    file,
                    inWheel,
                    inWheel ? $"included ({backendName} rules): {toWheel[i].Reason}" : wheelOut,
                    inWheel ? toWheel[i].ArchivePath : null,
                    inSdist,
                    inSdist ? $"included ({backendName} rules): {toSdist[i].Reason}" : sdistOut,
                    inSdist ? toSdist[i].ArchivePath : null));
                if (inWheel)
                {
                    AddRoot(roots, toWheel[i].ArchivePath);
                }
            }
        }

        return new SelectionRun(verdicts, walker.Pruned, [.. roots.Values], DiscoveryFailed: false);
    }

    // The top-level packages and modules the wheel installs, for messages; .data/ and .dist-info/ are not packages.
    private static void AddRoot(SortedDictionary<string, PackageRoot> roots, string archivePath)
    {
        int slash = archivePath.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            string top = archivePath[..slash];
            if (!top.EndsWith(".data", StringComparison.Ordinal) && !top.EndsWith(".dist-info", StringComparison.Ordinal))
            {
                roots.TryAdd(top, new PackageRoot(top, top, IsModule: false));
            }
        }
        else if (archivePath.EndsWith(".py", StringComparison.Ordinal))
        {
            roots.TryAdd(archivePath, new PackageRoot(archivePath, archivePath, IsModule: true));
        }
    }

    private static void Add(Dictionary<string, List<(string, string)>> map, string relativePath, string archivePath, string reason)
    {
        if (!map.TryGetValue(relativePath, out var list))
        {
            map[relativePath] = list = [];
        }

        if (!list.Exists(item => string.Equals(item.Item1, archivePath, StringComparison.Ordinal)))
        {
            list.Add((archivePath, reason));
        }
    }
}

namespace PackDaemon.Engine.Watching;

/// <summary>Walks a folder below the root without entering dropped folders or following folder links, for the
/// new-folder scan and the poller.</summary>
internal static class TreeScanner
{
    private static readonly EnumerationOptions s_oneLevel = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>Calls <paramref name="visit"/> for every entry under <paramref name="relativeFolder"/> ("" for the root)
    /// with its relative path and file info. A folder that vanishes mid-walk is skipped: its removal has its own event.</summary>
    public static void Walk(string root, string relativeFolder, PathFilter filter, Action<string, FileSystemInfo> visit)
    {
        var pending = new Stack<string>();
        pending.Push(relativeFolder);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(folder.Length == 0 ? root : Path.Combine(root, folder)).EnumerateFileSystemInfos("*", s_oneLevel);
                foreach (var entry in entries)
                {
                    var relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
                    var isFolder = (entry.Attributes & FileAttributes.Directory) != 0;
                    var isLink = entry.LinkTarget is not null;
                    var descend = isFolder && !isLink;
                    if (descend && filter.IsDroppedFolder(relative))
                    {
                        continue;
                    }

                    if (filter.ShouldReport(relative))
                    {
                        visit(relative, entry);
                    }

                    if (descend)
                    {
                        pending.Push(relative);
                    }
                }
            }
            catch (IOException)
            {
                // Vanished or unreadable: nothing under it can be packaged now, and its removal raises its own event.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

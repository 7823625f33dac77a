using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using PackDaemon.Packaging.Selection;

namespace PackDaemon.Packaging.Inputs;

/// <summary>
/// The one way packd reads a file that is not itself packaged but shapes an artifact: pyproject.toml, setup.cfg, a
/// readme, a license file, a version file, MANIFEST.in, an ignore file, a requirements file. Every such read obeys the
/// boundary packaged files obey: the path, with every symlink resolved, lies inside <c>boundary</c>; it names a regular
/// file (a FIFO would block the read for ever, a device such as <c>/dev/zero</c> never ends); and it is no larger than
/// a limit, checked on the open descriptor before anything is read.
/// </summary>
/// <remarks>
/// Why one mechanism rather than a check per reader: a readme symlinked to <c>~/.ssh/id_rsa</c> went into METADATA
/// while the tree walk, which checked, refused the same link; each new reader was one more place to forget. The file
/// is opened non-blocking, and its type and size are checked on the descriptor, so a path swapped for a FIFO between
/// the check and the open still cannot block.
/// </remarks>
public static class ProjectInput
{
    /// <summary>Far above any real configuration or readme (the largest README on PyPI is a few hundred KB); past it, a
    /// file is a mistake or an attack, and is refused before it is read.</summary>
    public const long DefaultLimit = 16L * 1024 * 1024;

    // asm-generic values, shared by x86-64 and arm64.
    private const int ReadOnly = 0;
    private const int NoControllingTty = 0x100;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int Interrupted = 4;

    /// <summary>Reads <paramref name="fullPath"/> if it passes the boundary; never throws for a file-system reason.</summary>
    /// <param name="boundary">The folder the file must resolve inside: the project root for project files.</param>
    public static InputRead Read(string boundary, string fullPath, long limit = DefaultLimit)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(fullPath);
        fullPath = Path.GetFullPath(fullPath);
        var own = Statx.Path(fullPath, followLinks: false);
        if (own.Kind == NodeKind.Missing)
        {
            return InputRead.Failed(InputProblem.Missing, fullPath);
        }

        var realBoundary = PathReal.Resolve(boundary) ?? Path.GetFullPath(boundary);
        var real = PathReal.Resolve(fullPath);
        if (real is null)
        {
            return InputRead.Failed(InputProblem.Missing, fullPath, "it is a symlink whose target does not exist");
        }

        if (!PathReal.IsUnder(real, realBoundary))
        {
            return InputRead.Failed(InputProblem.OutsideBoundary, real, $"it resolves to {real}, outside {realBoundary}");
        }

        var target = Statx.Path(real);
        if (target.Kind != NodeKind.File)
        {
            return InputRead.Failed(InputProblem.NotRegularFile, real, $"it is {Describe(target.Kind)}, not a regular file");
        }

        return ReadBounded(real, limit);
    }

    /// <summary>For readers that already turn an <see cref="IOException"/> into their diagnostic (ignore files,
    /// MANIFEST.in): the text, decoded leniently as UTF-8 like File.ReadAllText, or an IOException saying why not.</summary>
    public static string ReadAllText(string boundary, string fullPath, long limit = DefaultLimit)
    {
        var read = Read(boundary, fullPath, limit);
        if (!read.Succeeded)
        {
            throw read.Problem == InputProblem.Missing && read.Detail.Length == 0
                ? new FileNotFoundException($"'{fullPath}' does not exist.", fullPath)
                : new IOException($"'{Path.GetFileName(fullPath)}' was not read: {read.Detail}. {read.Fix}");
        }

        return read.Text;
    }

    private static InputRead ReadBounded(string path, long limit)
    {
        int fd;
        while ((fd = Statx.OpenPath(path, ReadOnly | NoControllingTty | NonBlocking | CloseOnExec)) < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted)
            {
                return InputRead.Failed(InputProblem.Unreadable, path, Marshal.GetPInvokeErrorMessage(errno));
            }
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        if (!Statx.TryDescriptor(fd, out var status, out var statErrno))
        {
            return InputRead.Failed(InputProblem.Unreadable, path, Marshal.GetPInvokeErrorMessage(statErrno));
        }

        if (status.Kind != NodeKind.File)
        {
            return InputRead.Failed(InputProblem.NotRegularFile, path, $"it is {Describe(status.Kind)}, not a regular file");
        }

        if (status.Size > limit)
        {
            return InputRead.Failed(InputProblem.TooLarge, path, $"it is {status.Size:N0} bytes, above packd's limit of {limit:N0} bytes for this kind of file");
        }

        // Read to the end, not to the stat's size: a file that grew since the stat must still meet the limit.
        var buffer = new byte[Math.Min(status.Size, limit) + 1];
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > limit)
                    {
                        return InputRead.Failed(InputProblem.TooLarge, path, $"it grew past packd's limit of {limit:N0} bytes while being read");
                    }

                    Array.Resize(ref buffer, (int)Math.Min(limit + 1, buffer.Length * 2L));
                }

                var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return InputRead.Failed(InputProblem.Unreadable, path, ex.Message);
        }

        return new InputRead(total == buffer.Length ? buffer : buffer[..total], InputProblem.None, path, "");
    }

    private static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Directory => "a folder",
        NodeKind.Missing => "missing",
        NodeKind.Other => "a FIFO, socket or device node",
        _ => "a link",
    };
}

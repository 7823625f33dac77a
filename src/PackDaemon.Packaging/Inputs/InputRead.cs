namespace PackDaemon.Packaging.Inputs;

/// <summary>Why <see cref="ProjectInput.Read"/> gave no bytes.</summary>
public enum InputProblem
{
    None,
    Missing,

    /// <summary>The path, with its symlinks resolved, leaves the boundary folder.</summary>
    OutsideBoundary,

    /// <summary>A folder, FIFO, socket or device node: never opened for reading.</summary>
    NotRegularFile,
    TooLarge,
    Unreadable,
}

/// <summary>One bounded read: the bytes, or the problem and a sentence that explains it (naming the resolved path, so
/// a symlink's real target is visible to the user).</summary>
public sealed record InputRead(byte[]? Bytes, InputProblem Problem, string ResolvedPath, string Detail)
{
    public bool Succeeded => Problem == InputProblem.None;

    /// <summary>The bytes as text the way File.ReadAllText reads them (lenient UTF-8, a leading byte-order mark
    /// dropped), which every reader used before the bounded one: a BOM'd MANIFEST.in or setup.py must read the same.</summary>
    public string Text
    {
        get
        {
            var bytes = Bytes.AsSpan();
            return System.Text.Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes);
        }
    }

    internal static InputRead Failed(InputProblem problem, string path, string detail = "") => new(null, problem, path, detail);

    /// <summary>The fix a diagnostic offers for this problem.</summary>
    public string Fix => Problem switch
    {
        InputProblem.OutsideBoundary => "Copy the file into the project (packd reads nothing outside it through a symlink), or point the setting at a file inside the project.",
        InputProblem.NotRegularFile => "Replace it with a regular file.",
        InputProblem.TooLarge => "Use a smaller file; this one cannot be what you meant to read.",
        InputProblem.Missing => "Create the file or fix the path.",
        _ => "Check the file's permissions.",
    };
}

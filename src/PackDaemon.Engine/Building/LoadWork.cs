using PackDaemon.Packaging.Selection;

namespace PackDaemon.Engine.Building;

/// <summary>One file to read in a build, and what its bytes are needed for.</summary>
/// <param name="WheelName">An archive name the file takes in the wheel (payload or .dist-info/licenses), which decides
/// stored versus deflated; null when the wheel does not carry it.</param>
/// <param name="SdistMember">Its path in the sdist, top folder included; null when the sdist does not carry it.</param>
internal sealed record LoadWork(string RelativePath, string FullPath, long SizeHint, bool Executable, string? WheelName, string? SdistMember)
{
    /// <summary>This build's walk stat of the file, taken before its bytes are read; null when the selection is older
    /// than this build attempt, and the read then stats the open file.</summary>
    public NodeStatus? Walked { get; init; }

    /// <summary>How the wheel entry's bytes differ from the file's (a script's shebang rewritten by the backend).</summary>
    public Packaging.Scripts.ScriptRewrite WheelRewrite { get; init; }

    /// <summary>The wheel entry's mode: a script bound for <c>.data/scripts/</c> is made executable, as the backends do.</summary>
    public bool WheelExecutable => Executable || WheelRewrite != Packaging.Scripts.ScriptRewrite.None;
}

using PackDaemon.Packaging.Diagnostics;

namespace PackDaemon.Packaging.Selection;

/// <summary>
/// The file-selection rules of the build backend a project declares (hatchling, setuptools, flit_core, ...), present
/// when packd emulates that backend instead of applying its own rules. Each backend keeps its options and its
/// evaluation in its own folder under Selection/; <see cref="FileSelector"/> only dispatches here, so Select and Explain
/// share one implementation per backend.
/// </summary>
/// <remarks>Derived records must give value equality over their lists: the incremental engine compares two loads'
/// options to decide whether the selection must be recomputed.</remarks>
public abstract record BackendRules
{
    /// <summary>The backend's name as explanations print it (<c>hatchling</c>).</summary>
    public abstract string BackendName { get; }

    /// <summary>One evaluation of the rules over the tree: a verdict per file, for both artifacts.</summary>
    internal abstract SelectionRun Evaluate(SelectionOptions options, DiagnosticBag diagnostics);

    /// <summary>How the backend changes the bytes of the wheel entry at <paramref name="wheelPath"/> (its scripts'
    /// shebangs); None for everything it copies as is.</summary>
    internal virtual Scripts.ScriptRewrite WheelRewrite(string wheelPath) => Scripts.ScriptRewrite.None;
}

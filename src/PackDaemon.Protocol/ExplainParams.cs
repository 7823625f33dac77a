namespace PackDaemon.Protocol;

/// <summary><c>explain</c>: does this file go into the wheel and the sdist, and which rule decided it?</summary>
/// <param name="Path">Relative to the root (with <c>/</c>), or absolute inside it.</param>
public sealed record ExplainParams(string Root, string Path);

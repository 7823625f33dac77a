using PackDaemon.Packaging.Standards;

namespace PackDaemon.Packaging.Requirements;

/// <summary>One requirement read from a requirements file, with where it came from (relative path, 1-based line).</summary>
public sealed record RequirementLine(Requirement Requirement, string File, int Line);

namespace PackDaemon.Packaging.Selection.Hatch;

/// <summary>One <c>from = to</c> pair of a hatch path table (<c>sources</c>, <c>force-include</c>, <c>shared-data</c>).</summary>
/// <param name="Source">For <c>sources</c> a project-relative folder prefix ending in <c>/</c>; for the inclusion
/// tables a project-relative file or folder, normalized (no <c>./</c>, no trailing <c>/</c>).</param>
/// <param name="Target">The path it takes in the artifact; for <c>sources</c> the replacement prefix (empty, or ending in <c>/</c>).</param>
public readonly record struct HatchPathMapping(string Source, string Target);

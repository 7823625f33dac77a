namespace PackDaemon.Packaging.Requirements;

/// <param name="Requirements">In file order, includes expanded in place, duplicates kept as written.</param>
/// <param name="FilesRead">Every file read (the root and each <c>-r</c> include), relative to the project root, in read order.
/// They are metadata inputs: the sdist ships them and a change to one rebuilds METADATA.</param>
/// <param name="RootContent">The named file's text as read, for checks another reader of it would make (setuptools');
/// null when it could not be read.</param>
public sealed record RequirementsFileResult(IReadOnlyList<RequirementLine> Requirements, IReadOnlyList<string> FilesRead, string? RootContent = null);

namespace PackDaemon.Packaging.Selection.Uv;

/// <summary>One <c>[tool.uv.build-backend.data]</c> entry: every file below <paramref name="Folder"/> goes to the wheel's
/// <c>{name}-{version}.data/{Scheme}/</c> at its path below the folder, and the folder goes into the sdist.</summary>
/// <param name="Scheme">purelib, platlib, headers, scripts or data.</param>
/// <param name="Folder">Project-relative folder, normalized.</param>
public sealed record UvDataFolder(string Scheme, string Folder);

namespace PackDaemon.Packaging.Selection.Pdm;

/// <summary>One item of <c>[tool.pdm.build.wheel-data]</c>: the files <paramref name="Pattern"/> matches go to
/// <c>{name}-{version}.data/{Scheme}/</c>, flattened to their file name, or at their path below
/// <paramref name="RelativeTo"/> when it is set (pdm-backend's <c>WheelBuilder._get_wheel_data</c>).</summary>
/// <param name="Scheme">purelib, platlib, include, platinclude, scripts or data.</param>
/// <param name="RelativeTo">Project-relative folder, normalized (<c>""</c> for the root); null means flatten.</param>
public sealed record PdmWheelData(string Scheme, string Pattern, string? RelativeTo);

namespace PackDaemon.Packaging.Selection;

/// <param name="Wheel">Entries of the wheel from project files, sorted by archive path (ordinal): the payload, and for hatchling
/// also shared-data (under .data/data/) and extra-metadata (under .dist-info/extra_metadata/); never the generated files.</param>
/// <param name="Sdist">Entries of the sdist relative to its top folder (no PKG-INFO), sorted by archive path (ordinal).</param>
/// <param name="Packages">Top-level import packages or modules found, for messages (<c>flask_shop</c>, <c>tool.py</c>).</param>
public sealed record FileSelection(IReadOnlyList<SelectedFile> Wheel, IReadOnlyList<SelectedFile> Sdist, IReadOnlyList<string> Packages);

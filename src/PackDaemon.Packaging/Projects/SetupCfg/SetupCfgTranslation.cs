using Tomlyn.Model;

namespace PackDaemon.Packaging.Projects.SetupCfg;

/// <summary>setup.cfg in pyproject.toml's shape: <c>[build-system]</c>, <c>[project]</c> and <c>[tool.setuptools]</c>.</summary>
/// <param name="ReferencedFiles">Files named by <c>file:</c> directives whose text the translation read itself: the
/// sdist carries them (setuptools adds them too) and a change to one reloads the metadata.</param>
/// <param name="HomePage">[metadata] url (or home_page): setuptools writes it as Home-page, which [project] cannot say.</param>
/// <param name="DownloadUrl">[metadata] download_url, written as Download-URL.</param>
internal sealed record SetupCfgTranslation(TomlTable Document, IReadOnlyList<string> ReferencedFiles, string? HomePage, string? DownloadUrl);

namespace PackDaemon.Cli.Lsp;

/// <summary>The packaging files <c>packd lsp</c> understands beyond showing their diagnostics.</summary>
internal enum PackagingFileKind
{
    Other,
    Pyproject,
    SetupCfg,
    Manifest,
    Requirements,
}

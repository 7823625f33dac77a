namespace PackDaemon.Packaging.Metadata;

/// <summary>The core metadata of a distribution, already validated and normalized, ready to serialize.</summary>
/// <param name="Name">The display name as the user wrote it (validated).</param>
/// <param name="Version">The normalized PEP 440 version.</param>
public sealed record CoreMetadata(string Name, string Version)
{
    /// <summary>One line (<c>Summary</c>).</summary>
    public string? Summary { get; init; }

    /// <summary>The readme text, written in the body after the headers.</summary>
    public string? Description { get; init; }

    /// <summary>For example <c>text/markdown</c> (<c>Description-Content-Type</c>, needs 2.1).</summary>
    public string? DescriptionContentType { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Names of authors given without an email, comma-joined (<c>Author</c>).</summary>
    public string? Author { get; init; }

    /// <summary><c>Name &lt;email&gt;</c> or <c>email</c> entries, comma-joined (<c>Author-email</c>).</summary>
    public string? AuthorEmail { get; init; }

    public string? Maintainer { get; init; }

    public string? MaintainerEmail { get; init; }

    /// <summary>The PEP 639 SPDX expression, normalized (<c>License-Expression</c>, needs 2.4).</summary>
    public string? LicenseExpression { get; init; }

    /// <summary>The legacy free-text license (<c>License</c>); the only field that may span lines (it is folded).</summary>
    public string? License { get; init; }

    /// <summary>License files relative to the project root, <c>/</c>-separated, sorted (<c>License-File</c>, needs 2.4).</summary>
    public IReadOnlyList<string> LicenseFiles { get; init; } = [];

    public IReadOnlyList<string> Classifiers { get; init; } = [];

    /// <summary>The legacy <c>Home-page</c> field, which setuptools (setup.cfg's <c>url</c>) and poetry-core 1.4 still write; pyproject.toml's <c>[project]</c> has no such key.</summary>
    public string? HomePage { get; init; }

    /// <summary>setup.cfg's <c>download_url</c> (<c>Download-URL</c>).</summary>
    public string? DownloadUrl { get; init; }

    /// <summary>In declaration order (<c>Project-URL: label, url</c>).</summary>
    public IReadOnlyList<ProjectUrl> ProjectUrls { get; init; } = [];

    /// <summary>The canonical specifier set (<c>Requires-Python</c>).</summary>
    public string? RequiresPython { get; init; }

    /// <summary>Unconditional dependencies in canonical <c>Requires-Dist</c> form.</summary>
    public IReadOnlyList<string> RequiresDist { get; init; } = [];

    /// <summary>Extras in declaration order, each with its dependencies already carrying the <c>extra == 'x'</c> marker.</summary>
    public IReadOnlyList<MetadataExtra> Extras { get; init; } = [];

    /// <summary><c>Import-Name</c> values (needs 2.5).</summary>
    public IReadOnlyList<string> ImportNames { get; init; } = [];

    /// <summary><c>Import-Namespace</c> values (needs 2.5).</summary>
    public IReadOnlyList<string> ImportNamespaces { get; init; } = [];
}

namespace PackDaemon.Packaging.Metadata;

/// <summary>One <c>Project-URL</c>: a label of at most 32 characters and an absolute URL.</summary>
public sealed record ProjectUrl(string Label, string Url);

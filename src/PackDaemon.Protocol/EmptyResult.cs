namespace PackDaemon.Protocol;

/// <summary>The result of methods that return nothing (<c>workspace/close</c>): clients receive <c>{}</c>.</summary>
public sealed record EmptyResult
{
    public static EmptyResult Instance { get; } = new();
}

namespace PackDaemon.Protocol;

/// <summary>Parameters of methods that take none (<c>status</c>, <c>shutdown</c>); clients send <c>{}</c>.</summary>
public sealed record EmptyParams;

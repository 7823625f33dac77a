namespace PackDaemon.Protocol;

/// <summary>The protocol's version. Bump it on any incompatible change to a method, parameter or result, and update
/// docs/protocol.md and every client in the same commit.</summary>
public static class ProtocolVersion
{
    public const int Current = 1;
}

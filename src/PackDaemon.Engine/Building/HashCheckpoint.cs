using System.Security.Cryptography;

namespace PackDaemon.Engine.Building;

/// <summary>The SHA-256 state after the first <paramref name="Offset"/> bytes of an artifact, at the boundary before
/// item <paramref name="Boundary"/>, whose prefix has key <paramref name="Key"/>. Never appended to: it is cloned.</summary>
internal sealed record HashCheckpoint(int Boundary, long Offset, UInt128 Key, IncrementalHash Hash);

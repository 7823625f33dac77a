using Tomlyn.Model;
using Tomlyn.Serialization;

namespace PackDaemon.Packaging.Projects;

/// <summary>
/// Source-generated TOML type information for the generic table model. The reflection-based serializer is neither
/// trimming- nor Native-AOT-safe, and packd ships as a Native AOT executable because start-up and first-call JIT
/// dominate a one-shot build.
/// </summary>
[TomlSerializable(typeof(TomlTable))]
internal sealed partial class PyprojectTomlContext : TomlSerializerContext
{
}

using System.Collections.Generic;
using GcoreCdnGen.Model;

namespace GcoreCdnGen.Reading
{
    /// <summary>A type while the reader is still discovering it; frozen into a <see cref="TypeDef"/> at the end.</summary>
    internal sealed class TypeBuilder
    {
        public TypeBuilder(TypeKind kind, string name, string pointer)
        {
            Kind = kind;
            Name = name;
            Pointer = pointer;
        }

        public TypeKind Kind { get; }

        public string Name { get; }

        public string Pointer { get; }

        public string? Summary { get; set; }

        public string? Deprecated { get; set; }

        public List<PropertyBuilder> Properties { get; } = new();

        public string? BaseType { get; set; }

        public List<string> Variants { get; } = new();

        public List<EnumValueDef> Values { get; } = new();

        public TypeRef? ItemType { get; set; }

        public bool ClosedShape { get; set; }

        public TypeRef Ref => TypeRef.NamedType(Name, Kind);
    }

    internal sealed class PropertyBuilder
    {
        public PropertyBuilder(string jsonName, TypeRef type)
        {
            JsonName = jsonName;
            Type = type;
        }

        public string JsonName { get; }

        public TypeRef Type { get; set; }

        public bool Required { get; set; }

        /// <summary>Required by the current (not deprecated) shape of a merged union.</summary>
        public bool RequiredInPrimary { get; set; }

        public bool Nullable { get; set; }

        public string? Summary { get; set; }

        public string? DefaultJson { get; set; }

        public string? Deprecated { get; set; }

        public bool Secret { get; set; }

        public Constraints? Constraints { get; set; }
    }
}

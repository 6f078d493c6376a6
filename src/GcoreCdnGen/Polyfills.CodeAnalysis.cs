// netstandard2.0 lacks the attribute the compiler puts on a record's copy constructor when it has required members.
namespace System.Diagnostics.CodeAnalysis;

// A record's copy constructor carries it, so `with` keeps working on records with required members.
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false, Inherited = false)]
internal sealed class SetsRequiredMembersAttribute : Attribute { }

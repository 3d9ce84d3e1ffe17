namespace MeshDsl;

/// <summary>Diagnostic IDs: part of the product, never reused. The catalog is in docs/rules/.</summary>
internal static class RuleIds
{
    public const string InvalidDuration = "MESH001";
    public const string UnknownReference = "MESH101";
}

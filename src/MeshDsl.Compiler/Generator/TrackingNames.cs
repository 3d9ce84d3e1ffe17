namespace MeshDsl.Generator;

/// <summary>Names of the generator's pipeline steps, for incremental-caching tests and diagnostics.</summary>
internal static class TrackingNames
{
    public const string Parsed = nameof(Parsed);
    public const string Declarations = nameof(Declarations);
    public const string Accessors = nameof(Accessors);
    public const string Outputs = nameof(Outputs);
    public const string Graph = nameof(Graph);
}

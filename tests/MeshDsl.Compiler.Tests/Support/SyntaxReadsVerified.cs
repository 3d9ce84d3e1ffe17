using System.Runtime.CompilerServices;
using MeshDsl.FrontEnd;

namespace MeshDsl.Tests.Support;

/// <summary>
/// Every test that runs the generator also checks its syntax-first reading: each type whose attributes it reads from
/// syntax is bound too, and any difference throws (<see cref="SyntaxAttributes.Verify"/>).
/// </summary>
internal static class SyntaxReadsVerified
{
    [ModuleInitializer]
    internal static void Initialize() => SyntaxAttributes.Verify = true;
}

using System.Text;

namespace MeshDsl.Tests;

/// <summary>
/// Random projects whose names C# may read in more than one way: MeshDsl imported by a using, a global using or inside
/// a namespace; a project type or an imported one of the same name as a MeshDsl attribute or enum; members and nested
/// types named like them; base lists, aliases, constants, raw strings, qualified and generic names, arrays in three spellings.
/// </summary>
internal static class RandomScopes
{
    public static string[] Program(Random random)
    {
        var files = new List<string>();
        var globalUsing = random.Next(4) == 0;
        if (globalUsing) files.Add(random.Next(2) == 0 ? "global using MeshDsl;" : "global using global::MeshDsl;");
        var other = random.Next(3) == 0;
        if (other)
        {
            files.Add("namespace Other\n{\n    public sealed class SubsetAttribute : System.Attribute { public SubsetAttribute(string name) { } }\n"
                + "    public enum LoadBalancing { Random }\n    public class V1 { }\n}");
        }

        var usings = new StringBuilder();
        if (!globalUsing || random.Next(2) == 0) usings.Append(Pick(random, "using MeshDsl;\n", "using MeshDsl;\n", "using global::MeshDsl;\n", "using M = MeshDsl;\nusing MeshDsl;\n"));
        if (other && random.Next(2) == 0) usings.Append("using Other;\n");
        if (random.Next(3) == 0) usings.Append("using System;\n");
        if (random.Next(8) == 0) usings.Append("using static System.Math;\n");

        var shadow = random.Next(6) switch
        {
            0 => "public sealed class RouteToAttribute<T> : System.Attribute { public int Weight { get; set; } }\n",
            1 => "public class Subset { }\n",
            2 => "public enum RetryOn { Reset, Http5xx }\n",
            3 => "public static class Ports { public const int Http = 8080; }\n",
            _ => string.Empty,
        };

        var body = Service(random);
        string file;
        switch (random.Next(4))
        {
            case 0:
                file = usings + "namespace Shop;\n" + shadow + body;
                break;
            case 1:
                file = usings + "namespace Shop\n{\n" + shadow + body + "}\n";
                break;
            case 2:
                file = "namespace Shop\n{\n" + usings + shadow + body + "}\n";
                break;
            default:
                file = usings + "namespace Shop\n{\n" + shadow + "    namespace Inner\n    {\n" + body + "    }\n}\n";
                break;
        }

        files.Add(file);
        return files.ToArray();
    }

    private static string Service(Random random)
    {
        var sb = new StringBuilder();
        var port = Pick(random, "8080", "-1", "Ports.Http", "0x50", "(int)80");
        sb.Append("[MeshService(").Append(Pick(random, "\"a\"", "@\"a\"\"b\"", "\"a\\u0041\"", "\"\"\"a\"b\"\"\"", "name: \"a\"", "nameof(A)")).Append(", Port = ").Append(port);
        // The type's own nested V1 (its attributes see its members), or another namespace's V1 imported by a using.
        if (random.Next(3) == 0) sb.Append(", Gateways = [typeof(V1)]");
        sb.Append(")]\n");
        if (random.Next(2) == 0) sb.Append("[LoadBalancer(").Append(Pick(random, "LoadBalancing.Random", "LoadBalancing.LeastRequest", "MeshDsl.LoadBalancing.Random", "(LoadBalancing)1")).Append(")]\n");
        if (random.Next(4) == 0) sb.Append(Pick(random, "[Obsolete]\n", "[Serializable]\n", "[System.Serializable]\n", "[System.Diagnostics.DebuggerDisplay(\"x\")]\n"));
        sb.Append("public partial class A").Append(random.Next(8) == 0 ? " : System.IDisposable { public void Dispose() { } " : "\n{\n");
        if (random.Next(6) == 0) sb.Append("    public int LoadBalancing => 0;\n");
        if (random.Next(6) == 0) sb.Append("    public class Subset { }\n");
        if (random.Next(6) == 0) sb.Append("    public sealed class HttpRouteAttribute : System.Attribute { public string? Name { get; set; } }\n");
        sb.Append("    [").Append(Pick(random, "Subset", "SubsetAttribute", "MeshDsl.Subset", "Subset()")).Append("(\"v1\")] public partial class V1 { }\n");
        sb.Append("    [Subset(\"v2\", Labels = ").Append(Pick(random, "new[] { \"version=v2\" }", "new string[] { \"version=v2\" }", "[\"version=v2\"]", "null", "new string[0]")).Append(")] public partial class V2 { }\n");
        sb.Append("    [HttpRoute(Name = \"r\"), ").Append(Pick(random, "RouteTo<V1>(Weight = 50)", "RouteTo<A.V2>", "RouteTo(typeof(V1))", "RouteTo<Shop.A.V1>", "RouteTo<V1>(Weight = -5)"))
            .Append(", RouteTo<V2>(Weight = 50)]\n");
        sb.Append("    [Retries(3, RetryOn = ").Append(Pick(random, "new[] { RetryOn.Reset }", "new RetryOn[] { RetryOn.Reset, RetryOn.Http5xx }", "[RetryOn.Reset]", "new[] { RetryOn.Reset | RetryOn.Http5xx }"))
            .Append(")]\n    public partial class R { }\n");
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string Pick(Random random, params string[] choices) => choices[random.Next(choices.Length)];
}

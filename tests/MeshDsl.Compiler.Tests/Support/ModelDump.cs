using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using MeshDsl.Model;

namespace MeshDsl.Tests.Support;

/// <summary>
/// A model node as text, every property of every record, without what only says where it came from (origins, the
/// front end's name for the declaration): two front ends that read the same mesh produce the same dump.
/// </summary>
internal static class ModelDump
{
    public static string Of(object? value)
    {
        var sb = new StringBuilder();
        Write(sb, value, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, object? value, int indent)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                return;
            case string s:
                sb.Append('"').Append(s).Append('"');
                return;
            case double d:
                sb.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return;
            case IFormattable f when value.GetType().IsPrimitive || value.GetType().IsEnum:
                sb.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool b:
                sb.Append(b ? "true" : "false");
                return;
            case IEnumerable items:
                sb.Append('[');
                foreach (var item in items)
                {
                    sb.Append('\n').Append(' ', indent + 2);
                    Write(sb, item, indent + 2);
                }

                sb.Append(']');
                return;
        }

        var type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTuple<,>))
        {
            sb.Append('(');
            Write(sb, type.GetField("Item1")!.GetValue(value), indent);
            sb.Append(", ");
            Write(sb, type.GetField("Item2")!.GetValue(value), indent);
            sb.Append(')');
            return;
        }

        sb.Append(type.Name).Append(" {");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.PropertyType == typeof(SourceRef) || property.Name == "Source" || property.GetIndexParameters().Length > 0) continue;
            sb.Append('\n').Append(' ', indent + 2).Append(property.Name).Append(": ");
            Write(sb, property.GetValue(value), indent + 2);
        }

        sb.Append(" }");
    }
}

/// <summary>The Istio resources of a model by identity (<c>VirtualService shop/reviews</c>), each as its <see cref="ModelDump"/>.</summary>
internal static class ModelIdentity
{
    private static readonly string[] IstioKinds = { "VirtualService", "DestinationRule", "Gateway", "ServiceEntry", "EnvoyFilter", "ConfigMap" };

    public static Dictionary<string, string> ByIdentity(IEnumerable<Resource> resources) => resources
        .Where(r => r is not CanaryStage && IstioKinds.Contains(r.Kind))
        .ToDictionary(
            r => r.Kind + " " + (r.Metadata.Namespace ?? "default") + "/" + r.Metadata.Name,
            r => ModelDump.Of(r with { Metadata = r.Metadata with { Namespace = r.Metadata.Namespace ?? "default" } }));
}

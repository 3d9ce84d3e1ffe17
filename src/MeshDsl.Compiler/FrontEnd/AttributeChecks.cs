using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// What every MeshDsl attribute of a declaration must satisfy whatever it says: it stands where it has an effect (MESH014),
/// its enum arguments are members of their enum (MESH015), its strings and numbers can be written at all (MESH017), and its
/// <c>key=value</c> lists hold pairs (MESH004). Without this, an attribute the parsers do not look for, or a value they
/// cannot use, would silently be left out of the YAML.
/// </summary>
internal static class AttributeChecks
{
    private static readonly string[] PolicyAttributes =
    {
        AttributeNames.LoadBalancer, AttributeNames.ConsistentHash, AttributeNames.LocalityLoadBalancer, AttributeNames.LocalityDistribute,
        AttributeNames.LocalityFailover, AttributeNames.ZoneAwareLoadBalancer, AttributeNames.ZoneAwareFailover, AttributeNames.Warmup,
        AttributeNames.BackendUtilization, AttributeNames.ConnectionPool, AttributeNames.OutlierDetection, AttributeNames.ClientTls,
        AttributeNames.Tunnel, AttributeNames.ProxyProtocol, AttributeNames.RetryBudget,
    };

    private static readonly string[] Destinations =
    {
        AttributeNames.RouteToGeneric, AttributeNames.RouteTo, AttributeNames.RouteToHost,
    };

    private static readonly string[] HttpRuleAttributes = Destinations.Concat(new[]
    {
        AttributeNames.HttpRoute, AttributeNames.MatchHeader, AttributeNames.MatchWithoutHeader, AttributeNames.MatchQueryParam, AttributeNames.MatchUri,
        AttributeNames.MatchScheme, AttributeNames.MatchAuthority, AttributeNames.MatchMethod, AttributeNames.Match, AttributeNames.MirrorGeneric,
        AttributeNames.Mirror, AttributeNames.MirrorHost, AttributeNames.MirrorToGeneric, AttributeNames.MirrorTo, AttributeNames.MirrorToHost,
        AttributeNames.Delegate, AttributeNames.SetRequestHeader, AttributeNames.AddRequestHeader, AttributeNames.RemoveRequestHeader,
        AttributeNames.SetResponseHeader, AttributeNames.AddResponseHeader, AttributeNames.RemoveResponseHeader, AttributeNames.Rewrite,
        AttributeNames.Redirect, AttributeNames.DirectResponse, AttributeNames.CorsPolicy, AttributeNames.CorsAllowOrigin, AttributeNames.Retries,
        AttributeNames.FaultDelay, AttributeNames.FaultAbort,
    }).ToArray();

    /// <summary>Where each kind of class may use which attributes; a class may play several parts (a subset that is also a rule).</summary>
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        [AttributeNames.MeshService] = new(PolicyAttributes.Append(AttributeNames.MeshService)),
        [AttributeNames.VirtualService] = new() { AttributeNames.VirtualService },
        [AttributeNames.Gateway] = new() { AttributeNames.Gateway },
        [AttributeNames.Subset] = new(PolicyAttributes.Concat(new[] { AttributeNames.Subset, AttributeNames.Deployment, AttributeNames.ReadinessProbe, AttributeNames.LivenessProbe })),
        [AttributeNames.HttpRoute] = new(HttpRuleAttributes),
        [AttributeNames.TcpRoute] = new(Destinations.Concat(new[] { AttributeNames.TcpRoute, AttributeNames.Match })),
        [AttributeNames.TlsRoute] = new(Destinations.Concat(new[] { AttributeNames.TlsRoute, AttributeNames.Match })),
        [AttributeNames.Server] = new() { AttributeNames.Server, AttributeNames.ServerTls, AttributeNames.ServerTlsCertificate },
    };

    /// <summary>The parts a nested class can play inside each kind of declaration.</summary>
    private static readonly Dictionary<string, string[]> NestedParts = new()
    {
        [AttributeNames.MeshService] = new[] { AttributeNames.Subset, AttributeNames.HttpRoute, AttributeNames.TcpRoute, AttributeNames.TlsRoute },
        [AttributeNames.VirtualService] = new[] { AttributeNames.HttpRoute, AttributeNames.TcpRoute, AttributeNames.TlsRoute },
        [AttributeNames.Gateway] = new[] { AttributeNames.Server },
    };

    /// <summary>Match arguments that only one kind of rule reads.</summary>
    private static readonly Dictionary<string, string[]> MatchArgumentsNotReadBy = new()
    {
        [AttributeNames.HttpRoute] = new[] { "DestinationSubnets", "SourceSubnet", "SniHosts" },
        [AttributeNames.TcpRoute] = new[] { "Name", "IgnoreUriCase", "StatPrefix", "SniHosts" },
        [AttributeNames.TlsRoute] = new[] { "Name", "IgnoreUriCase", "StatPrefix", "SourceSubnet" },
    };

    /// <summary>Arguments holding <c>key=value</c> pairs.</summary>
    private static readonly HashSet<string> LabelArguments = new(System.StringComparer.OrdinalIgnoreCase) { "Labels", "Selector", "WorkloadSelector", "SourceLabels" };

    /// <summary>The enums whose out-of-range values another rule already explains (MESH008 for retryOn, which takes status codes).</summary>
    private static readonly HashSet<string> EnumsCheckedElsewhere = new() { "MeshDsl.RetryOn" };

    public static void Check(INamedTypeSymbol declaration, string declarationAttribute, List<Finding> findings)
    {
        Visit(declaration, new[] { declarationAttribute }, declarationAttribute, findings, depth: 0);
    }

    private static void Visit(INamedTypeSymbol type, string[] parts, string declarationAttribute, List<Finding> findings, int depth)
    {
        var attributes = ParseContext.Read(type);
        var sourceType = ParseContext.TypeName(type);
        var allowed = new HashSet<string>(parts.SelectMany(p => Allowed[p]).Concat(depth == 0 ? DeclarationParser.DeclarationAttributes : Enumerable.Empty<string>()));
        foreach (var a in attributes)
        {
            if (!a.MetadataName.StartsWith("MeshDsl.", System.StringComparison.Ordinal)) continue;
            var origin = new SourceRef(sourceType, a.Index);
            if (!allowed.Contains(a.MetadataName))
            {
                findings.Add(Finding(RuleIds.MisplacedAttribute, origin, string.Empty, Short(a.MetadataName), type.Name, Where(parts, depth, declarationAttribute)));
                continue;
            }

            if (a.MetadataName == AttributeNames.Match)
            {
                var routeParts = parts.Where(MatchArgumentsNotReadBy.ContainsKey).ToArray();
                foreach (var argument in routeParts.Length == 0 ? Enumerable.Empty<string>() : MatchArgumentsNotReadBy[routeParts[0]].Where(n => routeParts.All(p => MatchArgumentsNotReadBy[p].Contains(n))))
                {
                    if (a.IsSet(argument))
                        findings.Add(Finding(RuleIds.MisplacedAttribute, origin, argument, "Match." + argument, type.Name, "a class marked [" + Short(routeParts[0]) + "], which does not read it"));
                }
            }

            CheckArguments(a, origin, findings);
        }

        if (parts.Contains(AttributeNames.Subset) && !attributes.Any(a => a.MetadataName == AttributeNames.Deployment))
        {
            foreach (var probe in attributes.Where(a => a.MetadataName is AttributeNames.ReadinessProbe or AttributeNames.LivenessProbe))
            {
                findings.Add(Finding(RuleIds.MisplacedAttribute, new SourceRef(sourceType, probe.Index), string.Empty, Short(probe.MetadataName), type.Name, "a subset without [Deployment], which has no container to probe"));
            }
        }

        foreach (var nested in type.GetTypeMembers())
        {
            var nestedAttributes = ParseContext.Read(nested);

            // A declaration nested in another is a declaration of its own, checked on its own.
            if (nestedAttributes.Any(a => DeclarationParser.DeclarationAttributes.Contains(a.MetadataName))) continue;
            var nestedParts = depth == 0 && NestedParts.TryGetValue(declarationAttribute, out var candidates)
                ? candidates.Where(p => nestedAttributes.Any(a => a.MetadataName == p)).ToArray()
                : System.Array.Empty<string>();
            if (nestedParts.Length == 0)
            {
                // A class that plays no part: each MeshDsl attribute on it is lost; report them (its own nested classes too).
                ReportAll(nested, depth + 1, declarationAttribute, findings);
                continue;
            }

            Visit(nested, nestedParts, declarationAttribute, findings, depth + 1);
        }
    }

    private static void ReportAll(INamedTypeSymbol type, int depth, string declarationAttribute, List<Finding> findings)
    {
        var sourceType = ParseContext.TypeName(type);
        foreach (var a in ParseContext.Read(type).Where(a => a.MetadataName.StartsWith("MeshDsl.", System.StringComparison.Ordinal)))
        {
            findings.Add(Finding(RuleIds.MisplacedAttribute, new SourceRef(sourceType, a.Index), string.Empty, Short(a.MetadataName), type.Name, Where(System.Array.Empty<string>(), depth, declarationAttribute)));
        }

        foreach (var nested in type.GetTypeMembers())
        {
            if (ParseContext.Read(nested).Any(a => DeclarationParser.DeclarationAttributes.Contains(a.MetadataName))) continue;
            ReportAll(nested, depth + 1, declarationAttribute, findings);
        }
    }

    private static string Where(string[] parts, int depth, string declarationAttribute)
    {
        if (parts.Length > 0) return "a [" + string.Join("]/[", parts.Select(Short)) + "] class, which does not use it";
        return depth == 1
            ? "a class nested in a [" + Short(declarationAttribute) + "] class that is none of " + string.Join(", ", NestedParts[declarationAttribute].Select(p => "[" + Short(p) + "]"))
            : "a class nested " + depth.ToString(CultureInfo.InvariantCulture) + " levels deep in a [" + Short(declarationAttribute) + "] class, where nothing is read";
    }

    private static void CheckArguments(AttributeReader a, SourceRef origin, List<Finding> findings)
    {
        foreach (var (name, value) in a.Arguments())
        {
            if (value.Kind == TypedConstantKind.Array)
            {
                if (value.IsNull) continue;
                var isLabels = LabelArguments.Contains(name);
                var keys = new HashSet<string>(System.StringComparer.Ordinal);
                for (var i = 0; i < value.Values.Length; i++)
                {
                    var element = value.Values[i];
                    var field = Model.Finding.Element(name, i);
                    if (element.Kind == TypedConstantKind.Primitive && element.Value is null && element.Type?.SpecialType == SpecialType.System_String)
                    {
                        findings.Add(Finding(RuleIds.UnwritableValue, origin, field, "null", name, "an entry of a list is a value: remove the null"));
                        continue;
                    }

                    CheckValue(element, name, field, origin, findings);
                    if (isLabels && element.Value is string pair && pair.IndexOf('=') < 0)
                        findings.Add(Finding(RuleIds.InvalidName, origin, field, pair, "key=value label", "it has no '=': write \"" + pair + "=value\" (or \"" + pair + "=\" for an empty value)"));
                    else if (isLabels && element.Value is string labelled && !keys.Add(labelled.Substring(0, labelled.IndexOf('='))))
                        findings.Add(new Finding(RuleIds.Duplicate, origin, field, ImmutableArray.Create(
                            "Label '" + labelled.Substring(0, labelled.IndexOf('=')) + "' is given twice in " + name + ": a label has one value, so one of them would be lost; keep one")));
                }

                continue;
            }

            CheckValue(value, name, name, origin, findings);
        }
    }

    private static void CheckValue(TypedConstant value, string name, string field, SourceRef origin, List<Finding> findings)
    {
        switch (value.Kind)
        {
            case TypedConstantKind.Enum when value.Type is INamedTypeSymbol enumType && !EnumsCheckedElsewhere.Contains(enumType.ToDisplayString()):
                if (!enumType.GetMembers().OfType<IFieldSymbol>().Any(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value)))
                {
                    var members = string.Join(", ", enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => enumType.Name + "." + f.Name));
                    findings.Add(Finding(RuleIds.UnknownEnumValue, origin, field, System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "?", enumType.Name, members));
                }

                break;
            case TypedConstantKind.Primitive when value.Value is string s && LoneSurrogate(s) is { } at:
                findings.Add(Finding(RuleIds.UnwritableValue, origin, field, Describe(s), name,
                    "it holds a lone UTF-16 surrogate (U+" + ((int)s[at]).ToString("X4", CultureInfo.InvariantCulture) + " at " + at.ToString(CultureInfo.InvariantCulture) + "), which no YAML or JSON encoding can carry"));
                break;
            case TypedConstantKind.Primitive when value.Value is double d && (double.IsNaN(d) || double.IsInfinity(d)):
                findings.Add(Finding(RuleIds.UnwritableValue, origin, field, d.ToString(CultureInfo.InvariantCulture), name, "Kubernetes objects are JSON, which has no NaN or infinity: give a finite number"));
                break;
            case TypedConstantKind.Primitive when value.Value is float f && (float.IsNaN(f) || float.IsInfinity(f)):
                findings.Add(Finding(RuleIds.UnwritableValue, origin, field, f.ToString(CultureInfo.InvariantCulture), name, "Kubernetes objects are JSON, which has no NaN or infinity: give a finite number"));
                break;
        }
    }

    /// <summary>The index of the first surrogate without its pair, or null.</summary>
    internal static int? LoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(s[i])) return i;
        }

        return null;
    }

    private static string Describe(string s)
    {
        var shown = s.Length > 40 ? s.Substring(0, 40) + "..." : s;
        return string.Concat(shown.Select(c => char.IsSurrogate(c) || char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString()));
    }

    private static string Short(string metadataName)
    {
        var name = metadataName.Substring("MeshDsl.".Length);
        var tick = name.IndexOf('`');
        if (tick >= 0) name = name.Substring(0, tick);
        return name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
    }

    private static Finding Finding(string id, SourceRef origin, string field, params string[] args) => new(id, origin, field, args.ToImmutableArray());
}

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
        AttributeNames.FaultDelay, AttributeNames.FaultAbort, AttributeNames.LocalRateLimit, AttributeNames.LocalRateLimitDescriptor,
    }).ToArray();

    /// <summary>Where each kind of class may use which attributes; a class may play several parts (a subset that is also a rule).</summary>
    private static readonly Dictionary<string, HashSet<string>> Allowed = new()
    {
        [AttributeNames.MeshService] = new(PolicyAttributes.Concat(new[]
        {
            AttributeNames.MeshService, AttributeNames.LocalRateLimit, AttributeNames.Canary, AttributeNames.CanarySuccessRate, AttributeNames.CanaryLatency,
            AttributeNames.CanaryQuery, AttributeNames.CanaryWebhook,
        })),
        [AttributeNames.VirtualService] = new() { AttributeNames.VirtualService },
        [AttributeNames.Gateway] = new() { AttributeNames.Gateway, AttributeNames.LocalRateLimit },
        [AttributeNames.RateLimitService] = new() { AttributeNames.RateLimitService },
        [AttributeNames.RateLimitDescriptor] = new()
        {
            AttributeNames.RateLimitDescriptor, AttributeNames.FromRemoteAddress, AttributeNames.FromRequestHeader, AttributeNames.FromHeaderMatch, AttributeNames.FromGenericKey,
        },
        [AttributeNames.ServiceEntry] = new() { AttributeNames.ServiceEntry, AttributeNames.ServiceEntryPort, AttributeNames.ServiceEntryEndpoint },
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
        [AttributeNames.RateLimitService] = new[] { AttributeNames.RateLimitDescriptor },
    };

    /// <summary>Match arguments that only one kind of rule reads.</summary>
    private static readonly Dictionary<string, string[]> MatchArgumentsNotReadBy = new()
    {
        [AttributeNames.HttpRoute] = new[] { "DestinationSubnets", "SourceSubnet", "SniHosts" },
        [AttributeNames.TcpRoute] = new[] { "Name", "IgnoreUriCase", "StatPrefix", "SniHosts" },
        [AttributeNames.TlsRoute] = new[] { "Name", "IgnoreUriCase", "StatPrefix", "SourceSubnet" },
    };

    /// <summary>Arguments holding <c>key=value</c> pairs.</summary>
    private static readonly HashSet<string> LabelArguments = new(System.StringComparer.OrdinalIgnoreCase) { "Labels", "Selector", "WorkloadSelector", "SourceLabels", "Ports", "ResponseHeaders" };

    /// <summary>The enums whose out-of-range values another rule already explains (MESH008 for retryOn, which takes status codes).</summary>
    private static readonly HashSet<string> EnumsCheckedElsewhere = new() { "MeshDsl.RetryOn" };

    public static void Check(INamedTypeSymbol declaration, string declarationAttribute, List<Finding> findings)
    {
        Visit(declaration, ParseContext.Read(declaration), new[] { declarationAttribute }, declarationAttribute, findings, depth: 0);
    }

    // Runs for every declaration on every analysis: no allocation unless there is something to report.
    private static void Visit(INamedTypeSymbol type, AttributeReader[] attributes, string[] parts, string declarationAttribute, List<Finding> findings, int depth)
    {
        string? sourceType = null;
        SourceRef Origin(AttributeReader a) => new(sourceType ??= ParseContext.TypeName(type), a.Index);
        var hasDeployment = false;
        foreach (var a in attributes)
        {
            if (!a.MetadataName.StartsWith("MeshDsl.", System.StringComparison.Ordinal)) continue;
            hasDeployment |= a.MetadataName == AttributeNames.Deployment;
            if (!IsAllowed(a.MetadataName, parts, depth))
            {
                findings.Add(Finding(RuleIds.MisplacedAttribute, Origin(a), string.Empty, Short(a.MetadataName), type.Name, Where(parts, depth, declarationAttribute)));
                continue;
            }

            if (a.MetadataName == AttributeNames.Match)
            {
                foreach (var part in parts)
                {
                    if (!MatchArgumentsNotReadBy.TryGetValue(part, out var unread)) continue;
                    foreach (var argument in unread)
                    {
                        // A class that is two kinds of rule reads what either reads.
                        if (a.IsSet(argument) && parts.All(p => !MatchArgumentsNotReadBy.TryGetValue(p, out var other) || other.Contains(argument)))
                            findings.Add(Finding(RuleIds.MisplacedAttribute, Origin(a), argument, "Match." + argument, type.Name, "a class marked [" + Short(part) + "], which does not read it"));
                    }

                    break;
                }
            }

            CheckArguments(a, findings, () => Origin(a));
        }

        if (!hasDeployment && System.Array.IndexOf(parts, AttributeNames.Subset) >= 0)
        {
            foreach (var probe in attributes)
            {
                if (probe.MetadataName is AttributeNames.ReadinessProbe or AttributeNames.LivenessProbe)
                    findings.Add(Finding(RuleIds.MisplacedAttribute, Origin(probe), string.Empty, Short(probe.MetadataName), type.Name, "a subset without [Deployment], which has no container to probe"));
            }
        }

        foreach (var nested in type.GetTypeMembers())
        {
            var nestedAttributes = ParseContext.Read(nested);

            // A declaration nested in another is a declaration of its own, checked on its own.
            if (IsDeclaration(nestedAttributes)) continue;
            // Descriptors nest to any depth: a class in a descriptor refines it.
            var candidates = depth == 0 && NestedParts.TryGetValue(declarationAttribute, out var top) ? top
                : System.Array.IndexOf(parts, AttributeNames.RateLimitDescriptor) >= 0 ? new[] { AttributeNames.RateLimitDescriptor }
                : System.Array.Empty<string>();
            var nestedParts = candidates.Where(p => nestedAttributes.Any(a => a.MetadataName == p)).ToArray();
            if (nestedParts.Length == 0)
            {
                // A class that plays no part: each MeshDsl attribute on it is lost; report them (its own nested classes too).
                ReportAll(nested, nestedAttributes, depth + 1, declarationAttribute, findings);
                continue;
            }

            Visit(nested, nestedAttributes, nestedParts, declarationAttribute, findings, depth + 1);
        }
    }

    private static bool IsAllowed(string attribute, string[] parts, int depth)
    {
        if (depth == 0 && DeclarationParser.DeclarationAttributes.Contains(attribute)) return true;
        foreach (var part in parts)
        {
            if (Allowed[part].Contains(attribute)) return true;
        }

        return false;
    }

    private static bool IsDeclaration(AttributeReader[] attributes)
    {
        foreach (var a in attributes)
        {
            if (DeclarationParser.DeclarationAttributes.Contains(a.MetadataName)) return true;
        }

        return false;
    }

    private static void ReportAll(INamedTypeSymbol type, AttributeReader[] attributes, int depth, string declarationAttribute, List<Finding> findings)
    {
        string? sourceType = null;
        foreach (var a in attributes)
        {
            if (!a.MetadataName.StartsWith("MeshDsl.", System.StringComparison.Ordinal)) continue;
            findings.Add(Finding(RuleIds.MisplacedAttribute, new SourceRef(sourceType ??= ParseContext.TypeName(type), a.Index), string.Empty, Short(a.MetadataName), type.Name,
                Where(System.Array.Empty<string>(), depth, declarationAttribute)));
        }

        foreach (var nested in type.GetTypeMembers())
        {
            var nestedAttributes = ParseContext.Read(nested);
            if (IsDeclaration(nestedAttributes)) continue;
            ReportAll(nested, nestedAttributes, depth + 1, declarationAttribute, findings);
        }
    }

    private static string Where(string[] parts, int depth, string declarationAttribute)
    {
        if (parts.Length > 0) return "a [" + string.Join("]/[", parts.Select(Short)) + "] class, which does not use it";
        return depth == 1
            ? "a class nested in a [" + Short(declarationAttribute) + "] class that is none of " + string.Join(", ", NestedParts[declarationAttribute].Select(p => "[" + Short(p) + "]"))
            : "a class nested " + depth.ToString(CultureInfo.InvariantCulture) + " levels deep in a [" + Short(declarationAttribute) + "] class, where nothing is read";
    }

    private static void CheckArguments(AttributeReader a, List<Finding> findings, System.Func<SourceRef> originOf)
    {
        SourceRef? known = null;
        SourceRef origin() => known ??= originOf();
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
                        findings.Add(Finding(RuleIds.UnwritableValue, origin(), field, "null", name, "an entry of a list is a value: remove the null"));
                        continue;
                    }

                    CheckValue(element, name, field, origin, findings);
                    if (isLabels && element.Value is string pair && pair.IndexOf('=') < 0)
                        findings.Add(Finding(RuleIds.InvalidName, origin(), field, pair, "key=value label", "it has no '=': write \"" + pair + "=value\" (or \"" + pair + "=\" for an empty value)"));
                    else if (isLabels && element.Value is string labelled && !keys.Add(labelled.Substring(0, labelled.IndexOf('='))))
                        findings.Add(new Finding(RuleIds.Duplicate, origin(), field, ImmutableArray.Create(
                            "Label '" + labelled.Substring(0, labelled.IndexOf('=')) + "' is given twice in " + name + ": a label has one value, so one of them would be lost; keep one")));
                }

                continue;
            }

            CheckValue(value, name, name, origin, findings);
        }
    }

    private static void CheckValue(TypedConstant value, string name, string field, System.Func<SourceRef> origin, List<Finding> findings)
    {
        switch (value.Kind)
        {
            case TypedConstantKind.Enum when value.Type is INamedTypeSymbol enumType && !EnumsCheckedElsewhere.Contains(AttributeReader.NameOf(enumType)):
                if (!DefinedValues.GetValue(enumType, t => new HashSet<object?>(t.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.ConstantValue))).Contains(value.Value))
                {
                    var members = string.Join(", ", enumType.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => enumType.Name + "." + f.Name));
                    findings.Add(Finding(RuleIds.UnknownEnumValue, origin(), field, System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "?", enumType.Name, members));
                }

                break;
            case TypedConstantKind.Primitive when value.Value is string s && LoneSurrogate(s) is { } at:
                findings.Add(Finding(RuleIds.UnwritableValue, origin(), field, Describe(s), name,
                    "it holds a lone UTF-16 surrogate (U+" + ((int)s[at]).ToString("X4", CultureInfo.InvariantCulture) + " at " + at.ToString(CultureInfo.InvariantCulture) + "), which no YAML or JSON encoding can carry"));
                break;
            case TypedConstantKind.Primitive when value.Value is double d && (double.IsNaN(d) || double.IsInfinity(d)):
                findings.Add(Finding(RuleIds.UnwritableValue, origin(), field, d.ToString(CultureInfo.InvariantCulture), name, "Kubernetes objects are JSON, which has no NaN or infinity: give a finite number"));
                break;
            case TypedConstantKind.Primitive when value.Value is float f && (float.IsNaN(f) || float.IsInfinity(f)):
                findings.Add(Finding(RuleIds.UnwritableValue, origin(), field, f.ToString(CultureInfo.InvariantCulture), name, "Kubernetes objects are JSON, which has no NaN or infinity: give a finite number"));
                break;
        }
    }

    /// <summary>Each enum's member values, once per enum symbol (the symbol lives as long as its compilation).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, HashSet<object?>> DefinedValues = new();

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

using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Marks a nested class as one HTTP rule (<c>http[]</c>). Rules keep declaration order (first match wins);
/// <see cref="Order"/> overrides it. A rule with no match attribute matches all traffic.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class HttpRouteAttribute : Attribute
{
    /// <summary>The rule's <c>name</c> (optional; shows in access logs and metrics).</summary>
    public string? Name { get; set; }

    /// <summary>Explicit position among the rules; rules without it follow in declaration order.</summary>
    public int Order { get; set; } = int.MaxValue;

    /// <summary><c>timeout</c>: an Istio duration such as <c>"10s"</c>.</summary>
    public string? Timeout { get; set; }
}

/// <summary>Marks a nested class as one TCP rule (<c>tcp[]</c>); matches come from <see cref="MatchAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class TcpRouteAttribute : Attribute
{
    public int Order { get; set; } = int.MaxValue;
}

/// <summary>Marks a nested class as one TLS rule (<c>tls[]</c>, SNI routing); matches come from <see cref="MatchAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class TlsRouteAttribute : Attribute
{
    public int Order { get; set; } = int.MaxValue;
}

/// <summary>
/// Base of the string conditions of a rule's <c>match</c>. Conditions with the same <see cref="Block"/> form one
/// <c>match</c> entry and are ANDed; different blocks are ORed, in block order. Set exactly one of
/// <see cref="Exact"/>, <see cref="Prefix"/> and <see cref="Regex"/>.
/// </summary>
public abstract class StringMatchAttribute : Attribute
{
    /// <summary>The match block (the index of the <c>match</c> entry) this condition belongs to.</summary>
    public int Block { get; set; }

    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    /// <summary>An RE2 regular expression.</summary>
    public string? Regex { get; set; }
}

/// <summary><c>match[].headers.&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchHeaderAttribute : StringMatchAttribute
{
    /// <param name="name">The header name, lower case.</param>
    public MatchHeaderAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>match[].withoutHeaders.&lt;name&gt;</c>: the request matches when the header does not.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchWithoutHeaderAttribute : StringMatchAttribute
{
    public MatchWithoutHeaderAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>match[].queryParams.&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchQueryParamAttribute : StringMatchAttribute
{
    public MatchQueryParamAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>match[].uri</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchUriAttribute : StringMatchAttribute
{
}

/// <summary><c>match[].scheme</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchSchemeAttribute : StringMatchAttribute
{
}

/// <summary><c>match[].authority</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchAuthorityAttribute : StringMatchAttribute
{
}

/// <summary><c>match[].method</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchMethodAttribute : StringMatchAttribute
{
    public MatchMethodAttribute()
    {
    }

    /// <summary>An exact method, the common case: <c>[MatchMethod(RequestMethod.Get)]</c>.</summary>
    public MatchMethodAttribute(RequestMethod method) => Method = method;

    public RequestMethod Method { get; }
}

/// <summary>
/// The other fields of one <c>match</c> entry (of an HTTP, TCP or TLS rule), for the block <see cref="Block"/>.
/// Unset fields are left out.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchAttribute : Attribute
{
    public int Block { get; set; }

    /// <summary>HTTP: the match's <c>name</c>, prefixed to the rule's name in logs.</summary>
    public string? Name { get; set; }

    /// <summary><c>port</c>: the port the request arrived on.</summary>
    public int Port { get; set; }

    /// <summary><c>sourceLabels</c>: the calling workloads, as <c>key=value</c> pairs.</summary>
    public string[]? SourceLabels { get; set; }

    public string? SourceNamespace { get; set; }

    /// <summary><c>gateways</c>: restricts the match to these gateways, by class.</summary>
    public Type[]? Gateways { get; set; }

    /// <summary><c>gateways</c> outside the model, as <c>[namespace/]name</c> (or <c>mesh</c>).</summary>
    public string[]? ExternalGateways { get; set; }

    /// <summary>HTTP: <c>ignoreUriCase</c>.</summary>
    public bool IgnoreUriCase { get; set; }

    /// <summary>HTTP: <c>statPrefix</c>.</summary>
    public string? StatPrefix { get; set; }

    /// <summary>TCP and TLS: <c>destinationSubnets</c> (IPs or CIDRs).</summary>
    public string[]? DestinationSubnets { get; set; }

    /// <summary>TCP: <c>sourceSubnet</c>.</summary>
    public string? SourceSubnet { get; set; }

    /// <summary>TLS: <c>sniHosts</c>.</summary>
    public string[]? SniHosts { get; set; }
}

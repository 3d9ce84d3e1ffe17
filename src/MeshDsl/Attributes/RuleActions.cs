using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>Base of header operations. On the rule they apply to all its traffic; with a destination, to that destination only.</summary>
public abstract class HeaderOperationAttribute : Attribute
{
    /// <summary>Applies the operation to one destination of the rule (the same class its <c>RouteTo</c> names).</summary>
    public Type? Destination { get; set; }

    /// <summary>Applies the operation to one <c>RouteToHost</c> destination of the rule.</summary>
    public string? DestinationHost { get; set; }
}

/// <summary><c>headers.request.set</c>. Values may hold Envoy's <c>%VARIABLES%</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class SetRequestHeaderAttribute : HeaderOperationAttribute
{
    public SetRequestHeaderAttribute(string name, string value) => (Name, Value) = (name, value);

    public string Name { get; }

    public string Value { get; }
}

/// <summary><c>headers.request.add</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class AddRequestHeaderAttribute : HeaderOperationAttribute
{
    public AddRequestHeaderAttribute(string name, string value) => (Name, Value) = (name, value);

    public string Name { get; }

    public string Value { get; }
}

/// <summary><c>headers.request.remove</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RemoveRequestHeaderAttribute : HeaderOperationAttribute
{
    public RemoveRequestHeaderAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>headers.response.set</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class SetResponseHeaderAttribute : HeaderOperationAttribute
{
    public SetResponseHeaderAttribute(string name, string value) => (Name, Value) = (name, value);

    public string Name { get; }

    public string Value { get; }
}

/// <summary><c>headers.response.add</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class AddResponseHeaderAttribute : HeaderOperationAttribute
{
    public AddResponseHeaderAttribute(string name, string value) => (Name, Value) = (name, value);

    public string Name { get; }

    public string Value { get; }
}

/// <summary><c>headers.response.remove</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RemoveResponseHeaderAttribute : HeaderOperationAttribute
{
    public RemoveResponseHeaderAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>rewrite</c>: changes the URI or authority before forwarding.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RewriteAttribute : Attribute
{
    /// <summary><c>uri</c>: replaces the matched prefix (or the whole path for an exact match).</summary>
    public string? Uri { get; set; }

    public string? Authority { get; set; }

    /// <summary><c>uriRegexRewrite.match</c> (RE2).</summary>
    public string? UriRegexMatch { get; set; }

    /// <summary><c>uriRegexRewrite.rewrite</c>, with <c>\1</c>-style groups.</summary>
    public string? UriRegexRewrite { get; set; }
}

/// <summary><c>redirect</c>: answers with a 3xx instead of forwarding.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RedirectAttribute : Attribute
{
    public string? Uri { get; set; }

    public string? Authority { get; set; }

    public int Port { get; set; }

    public RedirectPort DerivePort { get; set; }

    public string? Scheme { get; set; }

    /// <summary>301 by default in Istio.</summary>
    public int RedirectCode { get; set; }

    public string? PrefixRewrite { get; set; }
}

/// <summary><c>directResponse</c>: answers with a fixed status and body.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class DirectResponseAttribute : Attribute
{
    public DirectResponseAttribute(int status) => Status = status;

    public int Status { get; }

    /// <summary><c>body.string</c>.</summary>
    public string? Body { get; set; }

    /// <summary><c>body.bytes</c>, base64.</summary>
    public string? BodyBytes { get; set; }
}

/// <summary><c>corsPolicy</c>. Allowed origins come from <see cref="CorsAllowOriginAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CorsPolicyAttribute : Attribute
{
    public string[]? AllowMethods { get; set; }

    public string[]? AllowHeaders { get; set; }

    public string[]? ExposeHeaders { get; set; }

    /// <summary>An Istio duration in whole seconds, such as <c>"24h"</c>.</summary>
    public string? MaxAge { get; set; }

    public bool AllowCredentials { get; set; }

    public UnmatchedPreflights UnmatchedPreflights { get; set; }
}

/// <summary>One entry of <c>corsPolicy.allowOrigins</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CorsAllowOriginAttribute : Attribute
{
    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Regex { get; set; }
}

/// <summary><c>retries</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RetriesAttribute : Attribute
{
    /// <param name="attempts">Retries allowed; 0 disables Istio's default of 2.</param>
    public RetriesAttribute(int attempts) => Attempts = attempts;

    public int Attempts { get; }

    /// <summary><c>perTryTimeout</c>: an Istio duration such as <c>"2s"</c>.</summary>
    public string? PerTryTimeout { get; set; }

    /// <summary><c>retryOn</c>, in this order. A status code is a cast, <c>(RetryOn)409</c>, or <see cref="MeshDsl.RetryOn.Status503"/>.</summary>
    public RetryOn[]? RetryOn { get; set; }

    public bool RetryRemoteLocalities { get; set; }

    public bool RetryIgnorePreviousHosts { get; set; }

    /// <summary><c>backoff</c>: the base interval between retries, an Istio duration.</summary>
    public string? Backoff { get; set; }
}

/// <summary><c>fault.delay</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FaultDelayAttribute : Attribute
{
    public FaultDelayAttribute()
    {
    }

    /// <param name="fixedDelay">An Istio duration such as <c>"5s"</c>.</param>
    public FaultDelayAttribute(string fixedDelay) => FixedDelay = fixedDelay;

    public string? FixedDelay { get; }

    public string? ExponentialDelay { get; set; }

    /// <summary><c>percentage.value</c> (0-100); all requests when not set.</summary>
    public double Percentage { get; set; }

    /// <summary><c>percent</c>: deprecated by Istio in favour of <see cref="Percentage"/>.</summary>
    public int Percent { get; set; }
}

/// <summary><c>fault.abort</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FaultAbortAttribute : Attribute
{
    public FaultAbortAttribute()
    {
    }

    /// <param name="httpStatus">The status returned, for example 503.</param>
    public FaultAbortAttribute(int httpStatus) => HttpStatus = httpStatus;

    public int HttpStatus { get; }

    /// <summary><c>grpcStatus</c>, such as <c>"UNAVAILABLE"</c>.</summary>
    public string? GrpcStatus { get; set; }

    /// <summary><c>http2Error</c>.</summary>
    public string? Http2Error { get; set; }

    /// <summary><c>percentage.value</c> (0-100); all requests when not set.</summary>
    public double Percentage { get; set; }
}

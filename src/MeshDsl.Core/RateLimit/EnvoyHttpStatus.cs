using System.Collections.Generic;
using System.Linq;

namespace MeshDsl.RateLimit;

/// <summary>Envoy's <c>envoy.type.v3.StatusCode</c>: the HTTP statuses an <c>HttpStatus</c> field takes, by name.</summary>
internal static class EnvoyHttpStatus
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [100] = "Continue", [200] = "OK", [201] = "Created", [202] = "Accepted", [203] = "NonAuthoritativeInformation", [204] = "NoContent",
        [205] = "ResetContent", [206] = "PartialContent", [207] = "MultiStatus", [208] = "AlreadyReported", [226] = "IMUsed",
        [300] = "MultipleChoices", [301] = "MovedPermanently", [302] = "Found", [303] = "SeeOther", [304] = "NotModified", [305] = "UseProxy",
        [307] = "TemporaryRedirect", [308] = "PermanentRedirect",
        [400] = "BadRequest", [401] = "Unauthorized", [402] = "PaymentRequired", [403] = "Forbidden", [404] = "NotFound", [405] = "MethodNotAllowed",
        [406] = "NotAcceptable", [407] = "ProxyAuthenticationRequired", [408] = "RequestTimeout", [409] = "Conflict", [410] = "Gone",
        [411] = "LengthRequired", [412] = "PreconditionFailed", [413] = "PayloadTooLarge", [414] = "URITooLong", [415] = "UnsupportedMediaType",
        [416] = "RangeNotSatisfiable", [417] = "ExpectationFailed", [421] = "MisdirectedRequest", [422] = "UnprocessableEntity", [423] = "Locked",
        [424] = "FailedDependency", [426] = "UpgradeRequired", [428] = "PreconditionRequired", [429] = "TooManyRequests",
        [431] = "RequestHeaderFieldsTooLarge",
        [500] = "InternalServerError", [501] = "NotImplemented", [502] = "BadGateway", [503] = "ServiceUnavailable", [504] = "GatewayTimeout",
        [505] = "HTTPVersionNotSupported", [506] = "VariantAlsoNegotiates", [507] = "InsufficientStorage", [508] = "LoopDetected",
        [510] = "NotExtended", [511] = "NetworkAuthenticationRequired",
    };

    private static readonly Dictionary<string, int> Codes = Names.ToDictionary(n => n.Value, n => n.Key, System.StringComparer.Ordinal);

    /// <summary>The enum name of a status code, or null when Envoy's enum has none.</summary>
    public static string? Name(int code) => Names.TryGetValue(code, out var name) ? name : null;

    /// <summary>A status as YAML spells it, by name (<c>TooManyRequests</c>) or number.</summary>
    public static int? Code(string text) =>
        Codes.TryGetValue(text, out var code) ? code
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : null;
}

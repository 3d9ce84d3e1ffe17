using System.Collections.Generic;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>
/// What the rules that need no whole mesh read together: a service with the objects written for it, or one object of its
/// own. <see cref="Origin"/> is where a finding about no node in particular lands: the service's, or the object's.
/// </summary>
internal sealed record RuleScope(IReadOnlyList<Resource> Resources, ServiceInfo? Service, SourceRef Origin)
{
    public static RuleScope Of(ServiceInfo service) => new(service.Resources, service, service.Origin);

    public static RuleScope Of(Resource resource) => new(new[] { resource }, null, resource.Origin);
}

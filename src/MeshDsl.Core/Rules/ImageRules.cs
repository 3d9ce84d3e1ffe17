using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>MESH611: a Deployment's image that names no version (no tag, or <c>latest</c>) and no digest.</summary>
internal static class ImageRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var deployment in d.Resources.OfType<K8sDeployment>())
        {
            var image = deployment.Spec.Container.Image;
            if (image.Length == 0 || image.IndexOf('@') >= 0) continue;
            var name = image.Substring(image.LastIndexOf('/') + 1);
            var colon = name.IndexOf(':');
            var tag = colon < 0 ? null : name.Substring(colon + 1);
            if (tag is null || tag == "latest")
            {
                var at = deployment.Spec.Origin == SourceRef.None ? d.Origin : deployment.Spec.Origin;
                yield return Finding(RuleIds.UnpinnedImage, at, "image", image, deployment.Metadata.Name);
            }
        }
    }
}

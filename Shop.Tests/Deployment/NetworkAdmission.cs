using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// One thing a rendered NetworkPolicy lets in: traffic to <see cref="Workload"/>'s pods on <see cref="Port"/>, either
/// from the pods of <see cref="FromWorkload"/> in the same namespace or from namespaces that <see cref="FromNamespaces"/> selects.
/// </summary>
internal sealed record NetworkAdmission(string Workload, int Port, string? FromWorkload, YamlNode? FromNamespaces)
{
    /// <summary>
    /// Everything the overlay's policies admit. A rule without peers or ports, or a peer by IP block or by namespace and
    /// pod at once, would admit more than this model sees, so it fails instead.
    /// </summary>
    public static IReadOnlyList<NetworkAdmission> All(RenderedOverlay overlay)
    {
        var workloads = overlay.Workloads.ToDictionary(RenderedOverlay.Name, RenderedOverlay.PodLabels);
        var admissions = new List<NetworkAdmission>();
        foreach (var policy in overlay.OfKind("NetworkPolicy"))
        {
            var selected = workloads.Where(workload => LabelSelector.Matches(policy["spec"]["podSelector"], workload.Value)).Select(workload => workload.Key);
            var rules = (Yaml.At(policy, "spec", "ingress") as YamlSequenceNode)?.Children ?? [];
            foreach (var (target, rule) in selected.SelectMany(target => rules.Select(rule => (target, rule))))
            {
                var ports = Yaml.Sequence(rule, "ports").Select(port => Yaml.Int(port["port"])).ToList();
                foreach (var peer in Yaml.Sequence(rule, "from"))
                {
                    var (namespaces, pods) = (Yaml.At(peer, "namespaceSelector"), Yaml.At(peer, "podSelector"));
                    Assert.True(namespaces is null != pods is null, $"{RenderedOverlay.Name(policy)}: a peer must select namespaces or pods.");
                    admissions.AddRange(namespaces is not null
                        ? ports.Select(port => new NetworkAdmission(target, port, null, namespaces))
                        : workloads.Where(workload => LabelSelector.Matches(pods!, workload.Value))
                            .SelectMany(caller => ports.Select(port => new NetworkAdmission(target, port, caller.Key, null))));
                }
            }
        }

        return admissions;
    }
}

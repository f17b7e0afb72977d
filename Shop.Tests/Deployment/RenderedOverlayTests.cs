using System.Globalization;
using System.Net;
using Shop.Tests.Integration;
using YamlDotNet.RepresentationModel;

namespace Shop.Tests.Deployment;

/// <summary>
/// The overlay as kubectl renders it over aspirate's base: its policies, budgets, autoscalers and Ingress find exactly
/// the pods, Deployments and ports aspirate names, and every project's pod runs restricted.
/// </summary>
public sealed class RenderedOverlayTests(RenderedOverlay overlay) : IClassFixture<RenderedOverlay>
{
    // Namespace labels the guide tells operators to match ("Network policies").
    private static readonly Dictionary<string, string> IngressControllerNamespace = new() { ["kubernetes.io/metadata.name"] = "ingress-nginx" };
    private static readonly Dictionary<string, string> MonitoringNamespace = new() { ["shop.example/monitoring"] = "true" };

    private readonly AspireManifest _manifest = AspireManifest.Load(AspireManifest.CommittedPath);

    private IEnumerable<string> Projects => _manifest.OfType("project.").Select(project => project.Name);

    [Fact]
    public void Each_project_has_a_disruption_budget_over_exactly_its_pods()
    {
        var budgets = overlay.OfKind("PodDisruptionBudget").ToList();

        Assert.Equal(Projects.Order(), budgets.Select(RenderedOverlay.Name).Order());
        foreach (var budget in budgets)
        {
            var selected = overlay.Workloads.Where(workload => LabelSelector.Matches(budget["spec"]["selector"], RenderedOverlay.PodLabels(workload)));
            Assert.Equal([RenderedOverlay.Name(budget)], selected.Select(RenderedOverlay.Name));
        }
    }

    [Fact]
    public void Each_project_autoscales_its_deployment_from_the_patched_replicas()
    {
        var autoscalers = overlay.OfKind("HorizontalPodAutoscaler").ToList();

        Assert.Equal(Projects.Order(), autoscalers.Select(autoscaler => autoscaler["spec"]["scaleTargetRef"]["name"].ToString()).Order());
        foreach (var autoscaler in autoscalers)
        {
            var target = autoscaler["spec"]["scaleTargetRef"];
            Assert.Equal(("apps/v1", "Deployment"), (target["apiVersion"].ToString(), target["kind"].ToString()));
            var deployment = overlay.Named("Deployment", target["name"].ToString());
            Assert.Equal(deployment["spec"]["replicas"].ToString(), autoscaler["spec"]["minReplicas"].ToString());
            Assert.Equal("cpu", Assert.Single(Yaml.Sequence(autoscaler["spec"], "metrics"))["resource"]["name"].ToString());
        }
    }

    [Fact]
    public void Nothing_reaches_a_pod_that_no_policy_admits()
    {
        var denyAll = overlay.OfKind("NetworkPolicy").Where(policy => Yaml.Strings(policy["spec"]["podSelector"]).Count == 0 && Yaml.At(policy, "spec", "ingress") is null);

        Assert.Equal(["Ingress"], Yaml.Sequence(Assert.Single(denyAll)["spec"], "policyTypes").Select(type => type.ToString()));
    }

    [Fact]
    public void Each_workload_admits_exactly_its_callers_from_the_manifest()
    {
        var inNamespace = NetworkAdmission.All(overlay).Where(admission => admission.FromWorkload is not null).ToList();

        foreach (var workload in overlay.Workloads.Select(RenderedOverlay.Name))
        {
            var expected = _manifest.Callers(workload).Select(caller => (caller, _manifest.ServedPort(workload)));
            var admitted = inNamespace.Where(admission => admission.Workload == workload).Select(admission => (admission.FromWorkload!, admission.Port));
            Assert.True(expected.Order().SequenceEqual(admitted.Distinct().Order()), $"{workload} admits {string.Join(", ", admitted)}.");
        }
    }

    [Fact]
    public void Other_namespaces_reach_only_the_gateways_public_port_and_the_metrics()
    {
        var fromNamespaces = NetworkAdmission.All(overlay).Where(admission => admission.FromNamespaces is not null).ToList();

        Assert.Equal(
            [(ShopResources.Gateway, _manifest.ServedPort(ShopResources.Gateway))],
            AdmittedFrom(fromNamespaces, IngressControllerNamespace));
        Assert.Equal(
            Projects.Select(project => (project, MetricsPort(project))).Order(),
            AdmittedFrom(fromNamespaces, MonitoringNamespace).Order());
        Assert.Empty(AdmittedFrom(fromNamespaces, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = "default" }));
    }

    [Fact]
    public void The_ingress_routes_only_to_the_gateways_public_port()
    {
        var ingress = Assert.Single(overlay.OfKind("Ingress"));
        var service = overlay.Named("Service", ShopResources.Gateway);
        var backends = Yaml.Sequence(ingress["spec"], "rules")
            .SelectMany(rule => Yaml.Sequence(rule["http"], "paths"))
            .Select(path => path["backend"]["service"])
            .ToList();

        Assert.NotEmpty(backends);
        foreach (var backend in backends)
        {
            Assert.Equal(ShopResources.Gateway, backend["name"].ToString());
            var servicePort = Assert.Single(
                Yaml.Sequence(service["spec"], "ports"),
                port => Yaml.At(backend, "port", "name")?.ToString() == port["name"].ToString()
                    || Yaml.At(backend, "port", "number")?.ToString() == port["port"].ToString());
            Assert.Equal(_manifest.ServedPort(ShopResources.Gateway), Yaml.Int(servicePort["targetPort"]));
        }
    }

    [Fact]
    public void Every_project_pod_runs_restricted()
    {
        Assert.Equal(Projects.Order(), overlay.OfKind("Deployment").Select(RenderedOverlay.Name).Order());
        foreach (var deployment in overlay.OfKind("Deployment"))
        {
            var pod = deployment["spec"]["template"]["spec"];
            var container = Assert.Single(Yaml.Sequence(pod, "containers"));
            Assert.Equal("false", pod["automountServiceAccountToken"].ToString());
            Assert.Equal(
                new Dictionary<string, string> { ["runAsNonRoot"] = "true", ["runAsUser"] = "1654", ["runAsGroup"] = "1654", ["fsGroup"] = "1654" },
                Yaml.Strings(pod["securityContext"]).Where(pair => pair.Key != "seccompProfile").ToDictionary());
            Assert.Equal("RuntimeDefault", pod["securityContext"]["seccompProfile"]["type"].ToString());
            Assert.Equal("true", container["securityContext"]["readOnlyRootFilesystem"].ToString());
            Assert.Equal("false", container["securityContext"]["allowPrivilegeEscalation"].ToString());
            Assert.Equal(["ALL"], Yaml.Sequence(container["securityContext"]["capabilities"], "drop").Select(item => item.ToString()));

            var tmp = Assert.Single(Yaml.Sequence(container, "volumeMounts"), mount => mount["mountPath"].ToString() == "/tmp")["name"].ToString();
            Assert.Contains(Yaml.Sequence(pod, "volumes"), volume => volume["name"].ToString() == tmp && Yaml.At(volume, "emptyDir") is not null);
        }
    }

    [Fact]
    public void The_servers_have_probes_and_resources()
    {
        var servers = overlay.OfKind("StatefulSet").ToList();

        Assert.Equal(_manifest.OfType("container.").Select(container => container.Name).Order(), servers.Select(RenderedOverlay.Name).Order());
        foreach (var server in servers)
        {
            var container = Assert.Single(Yaml.Sequence(server["spec"]["template"]["spec"], "containers"));
            Assert.All(["startupProbe", "livenessProbe", "readinessProbe"], probe => Assert.NotNull(Yaml.At(container, probe, "exec", "command")));
            Assert.All(["requests", "limits"], bound => Assert.Equal(["cpu", "memory"], Yaml.Strings(container["resources"][bound]).Keys.Order()));
        }
    }

    [Fact]
    public void The_budgeted_pool_sizes_and_max_connections_reach_the_rendered_objects()
    {
        var files = new OverlayFiles();
        var postgres = Assert.Single(Yaml.Sequence(overlay.Named("StatefulSet", ShopResources.Postgres)["spec"]["template"]["spec"], "containers"));

        Assert.Equal(
            Yaml.Sequence(files.PatchedValue("StatefulSet", ShopResources.Postgres, "/spec/template/spec/containers/0/args")!).Select(item => item.ToString()),
            Yaml.Sequence(postgres, "args").Select(item => item.ToString()));
        foreach (var service in _manifest.Callers(ShopResources.Postgres))
        {
            Assert.Equal(
                files.PatchedValue("ConfigMap", $"{service}-env", "/data/Shop__Database__MaxPoolSize")!.ToString(),
                overlay.Named("ConfigMap", $"{service}-env")["data"]["Shop__Database__MaxPoolSize"].ToString());
        }
    }

    [Fact]
    public void Projects_listen_on_the_manifests_HTTP_PORTS_not_aspirates_ASPNETCORE_URLS()
    {
        foreach (var project in Projects)
        {
            var data = (YamlMappingNode)overlay.Named("ConfigMap", $"{project}-env")["data"];
            Assert.False(data.Children.ContainsKey("ASPNETCORE_URLS"), $"{project}: ASPNETCORE_URLS would override HTTP_PORTS.");

            var ports = data["HTTP_PORTS"].ToString().Split(';');
            Assert.Contains(_manifest.ServedPort(project).ToString(CultureInfo.InvariantCulture), ports);
            Assert.Contains(MetricsPort(project).ToString(CultureInfo.InvariantCulture), ports);
        }
    }

    [Fact]
    public void Only_the_gateway_trusts_a_proxy_and_only_a_private_network_as_patched()
    {
        const string Prefix = "ForwardedHeaders__TrustedProxies__";
        var trusted = Projects.ToDictionary(
            project => project,
            project => ((YamlMappingNode)overlay.Named("ConfigMap", $"{project}-env")["data"]).Children
                .Where(pair => pair.Key.ToString().StartsWith(Prefix, StringComparison.Ordinal))
                .Select(pair => pair.Value.ToString())
                .ToList());

        var entry = Assert.Single(trusted[ShopResources.Gateway]);
        Assert.Equal(new OverlayFiles().PatchedValue("ConfigMap", $"{ShopResources.Gateway}-env", $"/data/{Prefix}0")!.ToString(), entry);
        Assert.All(trusted.Where(pair => pair.Key != ShopResources.Gateway), pair => Assert.Empty(pair.Value));
        // A placeholder the operator narrows, but never one that trusts addresses outside the cluster's private space.
        Assert.Contains(PrivateNetworks, network => IsWithin(IPNetwork.Parse(entry), network));
    }

    /// <summary>The gateway serves /metrics on its management port, every other project on its HTTP port.</summary>
    private int MetricsPort(string project) =>
        _manifest.Find(project)!["bindings"]!["management"]?["targetPort"]?.GetValue<int>() ?? _manifest.ServedPort(project);

    private static readonly IPNetwork[] PrivateNetworks =
        [IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("fc00::/7")];

    private static bool IsWithin(IPNetwork inner, IPNetwork outer) =>
        inner.PrefixLength >= outer.PrefixLength && outer.Contains(inner.BaseAddress);

    private static List<(string Workload, int Port)> AdmittedFrom(IEnumerable<NetworkAdmission> admissions, Dictionary<string, string> namespaceLabels) =>
        admissions.Where(admission => LabelSelector.Matches(admission.FromNamespaces!, namespaceLabels))
            .Select(admission => (admission.Workload, admission.Port))
            .Distinct()
            .ToList();
}

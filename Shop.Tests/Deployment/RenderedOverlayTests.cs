using System.Globalization;
using System.Net;
using System.Text;
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

    private const string Provisioning = "postgres-provision";

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
            var callers = workload == ShopResources.Postgres ? _manifest.Callers(workload).Append(Provisioning) : _manifest.Callers(workload);
            var expected = callers.Select(caller => (caller, _manifest.ServedPort(workload)));
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

    [Fact]
    public void Each_pod_gets_only_its_own_secrets_and_only_the_provisioning_Job_the_superusers_besides_postgres()
    {
        var expected = new Dictionary<string, string[]>
        {
            [ShopResources.Postgres] = ["postgres.env"],
            [Provisioning] = [RenderedOverlay.ProvisioningSecrets],
            ["messaging-broker"] = ["messaging-broker.env", RenderedOverlay.BrokerDefinitions],
            [ShopResources.Gateway] = [],
        };
        foreach (var project in Projects.Where(project => project != ShopResources.Gateway))
        {
            expected[project] = [$"{project}.env"];
        }

        Assert.Equal(expected.Keys.Order(), overlay.Workloads.Select(RenderedOverlay.Name).Order());
        foreach (var workload in overlay.Workloads)
        {
            var pod = workload["spec"]["template"]["spec"];
            var secretNames = Yaml.Sequence(pod, "containers")
                .SelectMany(container => Items(container, "envFrom"))
                .Select(source => Yaml.At(source, "secretRef", "name")?.ToString())
                .Concat(Items(pod, "volumes").Select(volume => Yaml.At(volume, "secret", "secretName")?.ToString()))
                .OfType<string>();
            // Each dummy value names the secret file it came from.
            var files = secretNames
                .SelectMany(secret => Yaml.Strings(overlay.Named("Secret", secret)["data"]).Values)
                .Select(value => Encoding.UTF8.GetString(Convert.FromBase64String(value)))
                .Select(value => Assert.Single(expected.Values.SelectMany(names => names), file => value.Contains(RenderedOverlay.DummyValue(file), StringComparison.Ordinal)))
                .Distinct();

            Assert.Equal(expected[RenderedOverlay.Name(workload)].Order(), files.Order());
        }
    }

    [Fact]
    public void The_provisioning_Job_runs_the_committed_script_restricted_and_retries()
    {
        var job = overlay.Named("Job", Provisioning);
        var pod = job["spec"]["template"]["spec"];
        var container = Assert.Single(Yaml.Sequence(pod, "containers"));
        var script = overlay.Named("ConfigMap", "postgres-provision-script");

        Assert.Equal(["bash", "/provision/postgres-roles.sh"], Yaml.Sequence(container, "command").Select(item => item.ToString()));
        Assert.Equal("/provision", Assert.Single(Yaml.Sequence(container, "volumeMounts"), mount => mount["name"].ToString() == "script")["mountPath"].ToString());
        Assert.Equal(
            File.ReadAllText(Path.Combine(ShopTestPaths.RepositoryRoot, "deploy", "provision", "postgres-roles.sh")),
            script["data"]["postgres-roles.sh"].ToString());
        Assert.True(Yaml.Int(job["spec"]["backoffLimit"]) > 0);
        Assert.Equal("false", pod["automountServiceAccountToken"].ToString());
        Assert.Equal("true", pod["securityContext"]["runAsNonRoot"].ToString());
        Assert.Equal("RuntimeDefault", pod["securityContext"]["seccompProfile"]["type"].ToString());
        Assert.Equal("true", container["securityContext"]["readOnlyRootFilesystem"].ToString());
        Assert.Equal("false", container["securityContext"]["allowPrivilegeEscalation"].ToString());
        Assert.Equal(["ALL"], Yaml.Sequence(container["securityContext"]["capabilities"], "drop").Select(item => item.ToString()));
    }

    [Fact]
    public void The_broker_mounts_its_definitions_and_the_snippet_that_loads_them()
    {
        var broker = overlay.Named("StatefulSet", "messaging-broker");
        var pod = broker["spec"]["template"]["spec"];
        var mounts = Yaml.Sequence(Assert.Single(Yaml.Sequence(pod, "containers")), "volumeMounts")
            .ToDictionary(mount => mount["mountPath"].ToString(), mount => (Volume: mount["name"].ToString(), Key: Yaml.At(mount, "subPath")?.ToString()));
        var volumes = Yaml.Sequence(pod, "volumes").ToDictionary(volume => volume["name"].ToString());

        var definitions = mounts["/etc/rabbitmq/shop-definitions.json"];
        var secret = overlay.Named("Secret", volumes[definitions.Volume]["secret"]["secretName"].ToString());
        Assert.Contains(RenderedOverlay.DummyValue(RenderedOverlay.BrokerDefinitions), Encoding.UTF8.GetString(Convert.FromBase64String(secret["data"][definitions.Key!].ToString())), StringComparison.Ordinal);

        var snippet = mounts["/etc/rabbitmq/conf.d/30-shop-definitions.conf"];
        var config = overlay.Named("ConfigMap", volumes[snippet.Volume]["configMap"]["name"].ToString());
        Assert.Equal("load_definitions = /etc/rabbitmq/shop-definitions.json", config["data"][snippet.Key!].ToString().Trim());
    }

    /// <summary>The gateway serves /metrics on its management port, every other project on its HTTP port.</summary>
    private int MetricsPort(string project) =>
        _manifest.Find(project)!["bindings"]!["management"]?["targetPort"]?.GetValue<int>() ?? _manifest.ServedPort(project);

    /// <summary>The items of an optional sequence: none where it is missing.</summary>
    private static IEnumerable<YamlNode> Items(YamlNode node, string key) => (Yaml.At(node, key) as YamlSequenceNode)?.Children ?? [];

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

using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Shop.Tests.Deployment;

/// <summary>
/// A stand-in for what <c>aspirate generate --output-format kustomize --disable-secrets</c> writes into
/// <c>deploy/kubernetes/base</c> for the manifest, with only what the overlay relies on. From aspirate's templates
/// (prom3theu5/aspirational-manifests, src/Aspirate.Cli/Templates, and src/Aspirate.Services/Implementations/ManifestWriter.cs):
/// <list type="bullet">
/// <item>one folder per project or container with a <c>kustomization.yaml</c> (kustomization.hbs) listing its
/// objects and generating the ConfigMap <c>&lt;name&gt;-env</c> from its environment, plus
/// <c>ASPNETCORE_URLS=http://+:8080;</c> for projects, with <c>disableNameSuffixHash</c>;</item>
/// <item>deployment.hbs and statefulset.hbs (a container with volumes): object, container and
/// <c>configMapRef</c> named after the resource; <c>app: &lt;name&gt;</c> as the selector's and the pod template's only
/// label;</item>
/// <item>service.hbs: a Service named after the resource selecting <c>app: &lt;name&gt;</c>, one port per binding named
/// after the binding (<c>http</c>, <c>management</c>, <c>tcp</c>). Older templates wrote a project's Service as the
/// single port <c>http: 8080</c>: the same name and number for the gateway's public port.</item>
/// </list>
/// A project binding without a target port gets 8080 (aspirate's ProjectProcessor).
/// </summary>
internal static class AspirateBase
{
    private static readonly ISerializer Serializer = new SerializerBuilder().Build();

    public static void Write(AspireManifest manifest, string directory)
    {
        var workloads = manifest.OfType("project.").Concat(manifest.OfType("container.")).ToList();
        foreach (var (name, resource) in workloads)
        {
            WriteResource(manifest, name, resource, Path.Combine(directory, name));
        }

        Save(Path.Combine(directory, "kustomization.yaml"), new Dictionary<string, object>
        {
            ["resources"] = workloads.Select(workload => workload.Name).ToList(),
        });
    }

    private static void WriteResource(AspireManifest manifest, string name, JsonObject resource, string directory)
    {
        Directory.CreateDirectory(directory);
        var isProject = AspireManifest.Type(resource).StartsWith("project.", StringComparison.Ordinal);
        var volumes = resource["volumes"]?.AsArray().Select(volume => volume!["name"]!.GetValue<string>()).ToList() ?? [];
        var workloadFile = volumes.Count > 0 ? "statefulset.yaml" : "deployment.yaml";
        var ports = resource["bindings"]!.AsObject()
            .Select(binding => (Name: binding.Key, Port: binding.Value!["targetPort"]?.GetValue<int>() ?? 8080))
            .ToList();
        var labels = new Dictionary<string, string> { ["app"] = name };

        var container = new Dictionary<string, object>
        {
            ["name"] = name,
            ["image"] = isProject ? $"registry.example.com/shop/shop-{name}:1.0.0" : resource["image"]!.GetValue<string>(),
            ["imagePullPolicy"] = "IfNotPresent",
            ["ports"] = ports.Select(port => new Dictionary<string, object> { ["containerPort"] = port.Port }).ToList(),
            ["envFrom"] = new[] { new Dictionary<string, object> { ["configMapRef"] = new Dictionary<string, object> { ["name"] = $"{name}-env" } } },
        };
        var spec = new Dictionary<string, object>
        {
            ["replicas"] = 1,
            ["selector"] = new Dictionary<string, object> { ["matchLabels"] = labels },
            ["template"] = new Dictionary<string, object>
            {
                ["metadata"] = new Dictionary<string, object> { ["labels"] = labels },
                ["spec"] = new Dictionary<string, object> { ["containers"] = new[] { container }, ["terminationGracePeriodSeconds"] = 180 },
            },
        };
        if (volumes.Count > 0)
        {
            container["volumeMounts"] = resource["volumes"]!.AsArray()
                .Select(volume => new Dictionary<string, object> { ["name"] = volume!["name"]!.GetValue<string>(), ["mountPath"] = volume["target"]!.GetValue<string>() })
                .ToList();
            spec["serviceName"] = name;
            spec["volumeClaimTemplates"] = volumes.Select(Claim).ToList();
        }
        else
        {
            spec["minReadySeconds"] = 60;
            spec["strategy"] = new Dictionary<string, object> { ["type"] = "Recreate" };
        }

        Save(Path.Combine(directory, workloadFile), Object(volumes.Count > 0 ? "StatefulSet" : "Deployment", "apps/v1", name, labels, spec));
        Save(Path.Combine(directory, "service.yaml"), Object("Service", "v1", name, labels, new Dictionary<string, object>
        {
            ["type"] = "ClusterIP",
            ["selector"] = labels,
            ["ports"] = ports.Select(port => new Dictionary<string, object> { ["name"] = port.Name, ["port"] = port.Port, ["targetPort"] = port.Port }).ToList(),
        }));

        // Secret values stay placeholders: the overlay removes them from the ConfigMaps.
        var secrets = manifest.SecretVariables(name);
        var environment = resource["env"]!.AsObject()
            .Select(pair => $"{pair.Key}={(secrets.Contains(pair.Key) ? pair.Value : manifest.Resolve(pair.Value!.GetValue<string>()))}")
            .ToList();
        if (isProject)
        {
            environment.Add("ASPNETCORE_URLS=http://+:8080;");
        }

        Save(Path.Combine(directory, "kustomization.yaml"), new Dictionary<string, object>
        {
            ["resources"] = new[] { workloadFile, "service.yaml" },
            ["generatorOptions"] = new Dictionary<string, object> { ["disableNameSuffixHash"] = true },
            ["configMapGenerator"] = new[] { new Dictionary<string, object> { ["name"] = $"{name}-env", ["literals"] = environment } },
        });
    }

    private static Dictionary<string, object> Object(string kind, string apiVersion, string name, Dictionary<string, string> labels, Dictionary<string, object> spec) => new()
    {
        ["apiVersion"] = apiVersion,
        ["kind"] = kind,
        ["metadata"] = new Dictionary<string, object> { ["name"] = name, ["labels"] = labels },
        ["spec"] = spec,
    };

    private static Dictionary<string, object> Claim(string volume) => new()
    {
        ["metadata"] = new Dictionary<string, object> { ["name"] = volume },
        ["spec"] = new Dictionary<string, object>
        {
            ["accessModes"] = new[] { "ReadWriteOnce" },
            ["resources"] = new Dictionary<string, object> { ["requests"] = new Dictionary<string, object> { ["storage"] = "1Gi" } },
        },
    };

    private static void Save(string path, object content) => File.WriteAllText(path, Serializer.Serialize(content));
}

using System.Reflection;
using System.Runtime.Versioning;

namespace Aspire.Hosting;

public static class BuildOutputLaunchExtensions
{
    // Set when an IDE (Visual Studio, VS Code) runs the AppHost and launches the projects itself, under its debugger.
    private const string IdeSessionSetting = "DEBUG_SESSION_PORT";

    /// <summary>
    /// In run mode, starts the project's build output (<c>dotnet exec bin/{configuration}/{tfm}/{name}.dll</c>) instead
    /// of Aspire's <c>dotnet run --no-build</c>, which evaluates the project with MSBuild before every start: about 3 s
    /// of CPU for each of eight instances on two cores (bench/README.md, "Start-up"). The output is looked for where the
    /// AppHost's build puts it (building the AppHost builds every project it references, in its own configuration);
    /// when it is not there, or an IDE launches the projects, Aspire's default stays. A manifest is unaffected: it
    /// describes projects, it runs nothing.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBuildOutputLaunch(this IResourceBuilder<ProjectResource> project)
    {
        ArgumentNullException.ThrowIfNull(project);

        var builder = project.ApplicationBuilder;
        if (!builder.ExecutionContext.IsRunMode || !string.IsNullOrEmpty(builder.Configuration[IdeSessionSetting]))
        {
            return project;
        }

        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        var directory = Path.GetDirectoryName(projectPath)!;
        var output = Path.Combine(directory, "bin", AppHostConfiguration, TargetFrameworkFolder, Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        if (!File.Exists(output))
        {
            return project;
        }

        // "dotnet" from PATH, as Aspire's default uses, so the runtime is found wherever the SDK is installed.
        return project
            .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = directory }, ResourceAnnotationMutationBehavior.Replace)
            .WithArgs("exec", output);
    }

    private static Assembly AppHostAssembly => typeof(BuildOutputLaunchExtensions).Assembly;

    private static string AppHostConfiguration =>
        AppHostAssembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // ".NETCoreApp,Version=v10.0" -> "net10.0": the projects share the AppHost's target framework (Directory.Build.props).
    private static string TargetFrameworkFolder
    {
        get
        {
            var name = AppHostAssembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
                ?? throw new InvalidOperationException("The AppHost assembly names no target framework.");
            var version = new FrameworkName(name).Version;
            return $"net{version.Major}.{version.Minor}";
        }
    }
}

namespace Shop.AppHost.Infrastructure;

/// <summary>
/// The files that make the broker container import Shop's definitions at boot: the document, and a <c>conf.d</c>
/// snippet that points <c>load_definitions</c> at it (RabbitMQ reads <c>/etc/rabbitmq/conf.d/*.conf</c>).
/// </summary>
internal static class BrokerDefinitionsFiles
{
    public const string ConfigDirectory = "/etc/rabbitmq";
    private const string DefinitionsFileName = "shop-definitions.json";

    // Readable by the rabbitmq user the broker runs as; the copy is written into the container, never onto the host.
    private const UnixFileMode ReadOnly = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    public static IEnumerable<ContainerFileSystemItem> Create(string definitions) =>
    [
        new ContainerFile { Name = DefinitionsFileName, Contents = definitions, Mode = ReadOnly },
        new ContainerDirectory
        {
            Name = "conf.d",
            Entries =
            [
                new ContainerFile
                {
                    Name = "30-shop-definitions.conf",
                    Contents = $"load_definitions = {ConfigDirectory}/{DefinitionsFileName}\n",
                    Mode = ReadOnly,
                },
            ],
        },
    ];
}

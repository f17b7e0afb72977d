using Shop.AppHost;

namespace Aspire.Hosting;

public static class ShopParameterExtensions
{
    /// <summary>The users service's token-signing key, generated and kept in user secrets for development.</summary>
    public static IResourceBuilder<ParameterResource> AddSigningKeyParameter(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.ExecutionContext.IsPublishMode
            ? builder.AddParameter(name, secret: true)
            : builder.AddParameter(name, new RsaSigningKeyDefault(), secret: true, persist: true);
    }

    /// <summary>
    /// A secret, generated password kept in the AppHost's user secrets (<c>Parameters:{name}</c>), so persistent
    /// local data stays readable across runs. Letters and digits only: it also goes into AMQP URIs.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedPassword(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.AddParameter(name, new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
    }

    /// <summary>
    /// One service's own password (for its database role or its broker user): generated and kept in user secrets in
    /// run mode; in a manifest a secret parameter with no default, so every deployment supplies its own.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddServicePassword(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);

        return builder.ExecutionContext.IsPublishMode ? builder.AddParameter(name, secret: true) : builder.AddGeneratedPassword(name);
    }
}

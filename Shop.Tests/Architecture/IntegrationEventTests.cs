using System.Reflection;
using System.Text.RegularExpressions;
using Shop.IntegrationEvents;

namespace Shop.Tests.Architecture;

/// <summary>
/// The event contracts read as what happened: every event is named in the past tense, carries its wire name (the type's
/// name in kebab case) and a version, and the contracts project holds nothing but events and the parts of their payloads.
/// </summary>
public sealed partial class IntegrationEventTests
{
    private static readonly Assembly Contracts = typeof(IntegrationEventAttribute).Assembly;

    private static IReadOnlyList<Type> Events { get; } =
        [.. Contracts.GetExportedTypes().Where(type => type.GetCustomAttribute<IntegrationEventAttribute>() is not null)];

    [Fact]
    public void There_are_events() => Assert.NotEmpty(Events);

    [Fact]
    public void Every_event_is_named_in_the_past_tense() =>
        Assert.Empty(Events.Where(type => !PastTense().IsMatch(type.Name)).Select(type => type.Name));

    [Fact]
    public void Every_event_carries_its_wire_name_and_a_version() =>
        Assert.All(Events, type =>
        {
            var attribute = type.GetCustomAttribute<IntegrationEventAttribute>()!;
            Assert.Equal(KebabCase(type.Name), attribute.Name);
            Assert.True(attribute.Version >= 1, $"{type.Name} has version {attribute.Version}.");
        });

    [Fact]
    public void The_contracts_hold_only_events_and_their_payload_parts()
    {
        var payloadParts = Events
            .SelectMany(type => type.GetProperties())
            .Select(property => property.PropertyType)
            .SelectMany(type => type.IsGenericType ? type.GetGenericArguments() : [type])
            .Where(type => type.Assembly == Contracts)
            .ToHashSet();

        var strays = Contracts.GetExportedTypes()
            .Where(type => type != typeof(IntegrationEventAttribute) && !Events.Contains(type) && !payloadParts.Contains(type))
            .Select(type => type.Name);

        Assert.Empty(strays);
    }

    private static string KebabCase(string name) => UpperCaseLetter().Replace(name, match => (match.Index > 0 ? "-" : "") + match.Value.ToLowerInvariant());

    // Placed, Reserved, Failed, Captured, Declined, Confirmed, Cancelled, Registered: a verb's past participle.
    [GeneratedRegex("ed$")]
    private static partial Regex PastTense();

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCaseLetter();
}

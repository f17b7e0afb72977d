using System.Text.Json;
using Shop.EventBus;

namespace Shop.UnitTests.Messaging;

/// <summary>The one JSON shape of events, as a consumer written in any language reads it.</summary>
public sealed class EventJsonTests
{
    private enum Channel
    {
        Email,
        Push,
    }

    private sealed record Sample(Guid OrderId, Channel Channel, decimal Total);

    [Fact]
    public void Properties_are_camel_case_and_enums_are_written_by_name()
    {
        var orderId = new Guid("0190a000-0000-7000-8000-0000000000a1");

        var json = JsonSerializer.Serialize(new Sample(orderId, Channel.Push, 12.50m), EventJson.Options);

        Assert.Equal($$"""{"orderId":"{{orderId}}","channel":"Push","total":12.50}""", json);
    }

    [Fact]
    public void Enums_are_read_by_name_and_unknown_fields_are_ignored()
    {
        var read = JsonSerializer.Deserialize<Sample>(
            """{"orderId":"0190a000-0000-7000-8000-0000000000a1","channel":"Email","total":1,"addedLater":true}""", EventJson.Options);

        Assert.Equal(Channel.Email, read!.Channel);
    }

}

using System.Text;
using Shop.Gateway.Edge;

namespace Shop.UnitTests.Gateway;

public sealed class HeaderValuesTests
{
    // What Kestrel hands the gateway for these bytes: one Latin-1 char per byte.
    private static string AsKestrelReadsIt(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("tab\tinside")]
    [InlineData("é")]
    [InlineData("Mozilla/5.0 (Ünïcödé; 日本語) 🙂")]
    [InlineData("")]
    public void UTF8_text_is_forwarded(string text) =>
        Assert.True(HeaderValues.IsForwardable(AsKestrelReadsIt(Encoding.UTF8.GetBytes(text))));

    [Theory]
    [InlineData(new byte[] { 0xE9 })] // é in Latin-1: not UTF-8
    [InlineData(new byte[] { (byte)'a', 0xC3 })] // a UTF-8 sequence cut short
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong "/"
    public void Bytes_that_are_not_UTF8_are_refused(byte[] bytes) =>
        Assert.False(HeaderValues.IsForwardable(AsKestrelReadsIt(bytes)));

    [Theory]
    [InlineData("\u0000")]
    [InlineData("a\u0001b")]
    [InlineData("line\u001Fend")]
    [InlineData("del\u007F")]
    public void Control_characters_other_than_tab_are_refused(string text) =>
        Assert.False(HeaderValues.IsForwardable(text));

    [Fact]
    public void A_char_Kestrel_cannot_have_read_as_Latin1_is_refused() =>
        Assert.False(HeaderValues.IsForwardable("\u20AC"));
}

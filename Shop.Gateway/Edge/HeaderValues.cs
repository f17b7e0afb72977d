using System.Text;
using System.Text.Unicode;

namespace Shop.Gateway.Edge;

/// <summary>Which request header values the gateway forwards: the services can read UTF-8 text, nothing else.</summary>
public static class HeaderValues
{
    private const byte Tab = 0x09;
    private const byte Delete = 0x7F;

    /// <summary>
    /// True when <paramref name="value"/>, read by Kestrel as Latin-1 (one char per byte), is UTF-8 text with no
    /// control character but tab: what HTTP allows in a field value and the services' Kestrel decodes.
    /// </summary>
    public static bool IsForwardable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        if (value.Any(c => c > byte.MaxValue))
        {
            return false;
        }

        var bytes = Encoding.Latin1.GetBytes(value);
        return !bytes.Any(b => (b < 0x20 && b != Tab) || b == Delete) && Utf8.IsValid(bytes);
    }
}

using System.Text;
using System.Text.Unicode;

namespace Shop.Gateway.Edge;

/// <summary>Which request header values the gateway forwards: the services can read UTF-8 text, nothing else.</summary>
public static class HeaderValues
{
    private const char Tab = '\t';
    private const char Delete = '\u007F';

    /// <summary>
    /// True when <paramref name="value"/>, read by Kestrel as Latin-1 (one char per byte), is UTF-8 text with no
    /// control character but tab: what HTTP allows in a field value and the services' Kestrel decodes.
    /// </summary>
    public static bool IsForwardable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        var ascii = true;
        foreach (var c in value)
        {
            if (c > byte.MaxValue || (c < ' ' && c != Tab) || c == Delete)
            {
                return false;
            }

            ascii &= c < Delete;
        }

        // Every request passes here: only a value with bytes above ASCII is copied to check its UTF-8.
        return ascii || Utf8.IsValid(Encoding.Latin1.GetBytes(value));
    }
}

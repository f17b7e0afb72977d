using System.Net.Sockets;
using System.Text;

namespace Shop.Tests.Gateway;

/// <summary>
/// One HTTP/1.1 request written byte for byte over TCP: HttpClient refuses to send the header bytes these tests are
/// about (non-ASCII, Latin-1, control characters), a browser or curl does not.
/// </summary>
internal static class RawHttp
{
    /// <summary>Sends the request, with <paramref name="json"/> as its body when given, and reads the whole answer.</summary>
    public static async Task<RawResponse> SendAsync(
        Uri gateway, string method, string target, IEnumerable<(string Name, byte[] Value)> headers, string? json = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);

        var body = Encoding.UTF8.GetBytes(json ?? "");
        using var request = new MemoryStream();
        Write(request, $"{method} {target} HTTP/1.1\r\nHost: {gateway.Authority}\r\nConnection: close\r\n");
        if (json is not null)
        {
            Write(request, $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            Write(request, $"{name}: ");
            request.Write(value);
            Write(request, "\r\n");
        }

        Write(request, "\r\n");
        request.Write(body);

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.Host, gateway.Port, TestContext.Timeout);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(request.ToArray(), TestContext.Timeout);

        using var received = new MemoryStream();
        await stream.CopyToAsync(received, TestContext.Timeout);
        return RawResponse.Parse(Encoding.Latin1.GetString(received.ToArray()));
    }

    /// <summary>A header whose value is the UTF-8 encoding of <paramref name="value"/>.</summary>
    public static (string Name, byte[] Value) Utf8(string name, string value) => (name, Encoding.UTF8.GetBytes(value));

    private static void Write(Stream stream, string ascii) => stream.Write(Encoding.ASCII.GetBytes(ascii));
}

internal sealed record RawResponse(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(string response)
    {
        var headEnd = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(headEnd > 0, $"No complete HTTP response: {response}");
        var lines = response[..headEnd].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .GroupBy(pair => pair[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = response[(headEnd + 4)..];
        return new RawResponse(status, headers, headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked" ? Unchunk(body) : body);
    }

    private static string Unchunk(string body)
    {
        var text = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[position..lineEnd].Split(';')[0], 16);
            if (size == 0)
            {
                return text.ToString();
            }

            text.Append(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}

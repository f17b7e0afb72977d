using System.Diagnostics;
using Shop.Bench.Harness;

namespace Shop.Bench.Soak;

/// <summary>
/// The customers' access tokens. A token lives 60 minutes, so a longer soak signs up a new set of customers every
/// <see cref="SoakSettings.CustomerRenewal"/> and orders with theirs from then on.
/// </summary>
public sealed class SoakCustomers(ShopClient client, IReadOnlyList<string> first)
{
    private volatile IReadOnlyList<string> _current = first;

    public string For(int orderNumber)
    {
        var tokens = _current;
        return tokens[orderNumber % tokens.Count];
    }

    /// <summary>Renews the set at each multiple of <paramref name="renewal"/> that falls within <paramref name="duration"/>.</summary>
    public async Task RenewAsync(Stopwatch clock, TimeSpan renewal, TimeSpan duration, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(clock);

        for (var due = renewal; due < duration; due += renewal)
        {
            await Task.Delay(due - clock.Elapsed, ct);
            var renewed = new List<string>(_current.Count);
            while (renewed.Count < _current.Count)
            {
                renewed.Add(await client.NewCustomerAsync(ct));
            }

            _current = renewed;
        }
    }
}

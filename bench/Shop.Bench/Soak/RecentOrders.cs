namespace Shop.Bench.Soak;

/// <summary>The last accepted orders and their owners' tokens: what customers look at right after ordering.</summary>
public sealed class RecentOrders
{
    private const int Capacity = 256;

    private readonly (string Token, Guid OrderId)[] _orders = new (string, Guid)[Capacity];

    private readonly Lock _lock = new();

    private int _added;

    public void Add(string token, Guid orderId)
    {
        lock (_lock)
        {
            _orders[_added % Capacity] = (token, orderId);
            _added++;
        }
    }

    /// <summary>One of them at random; none before the first order is accepted.</summary>
    public (string Token, Guid OrderId)? Pick()
    {
        lock (_lock)
        {
            return _added == 0 ? null : _orders[Random.Shared.Next(Math.Min(_added, Capacity))];
        }
    }
}

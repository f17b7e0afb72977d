namespace Shop.Inventory.Domain;

/// <summary>
/// A catalog item and its stock. <see cref="Available"/> is what can still be reserved; <see cref="Reserved"/> is held
/// for orders that are not settled yet. Every stock change goes through this type so the counts never go negative.
/// </summary>
public sealed class Product
{
    public const int SkuMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int CurrencyLength = 3;
    public const decimal MaxPrice = 1_000_000m;
    public const int MaxQuantity = 1_000_000;

    // EF Core binds this constructor; Create is the way in for new products.
    private Product(Guid id, string sku, string name, decimal price, string currency, int available, int reserved)
    {
        Id = id;
        Sku = sku;
        Name = name;
        Price = price;
        Currency = currency;
        Available = available;
        Reserved = reserved;
    }

    public Guid Id { get; private set; }

    /// <summary>Stored upper-cased, so uniqueness is case-insensitive.</summary>
    public string Sku { get; private set; }

    public string Name { get; private set; }

    public decimal Price { get; private set; }

    public string Currency { get; private set; }

    public int Available { get; private set; }

    public int Reserved { get; private set; }

    /// <summary>Concurrency token (PostgreSQL's <c>xmin</c>), so two concurrent stock changes cannot both win.</summary>
    public uint Version { get; private set; }

    public static Product Create(string sku, string name, decimal price, string currency, int available)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sku.Length, SkuMaxLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, NameMaxLength);
        ArgumentOutOfRangeException.ThrowIfNotEqual(currency.Length, CurrencyLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(price, MaxPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(available);

        return new Product(
            Guid.CreateVersion7(),
            NormalizeSku(sku),
            name.Trim(),
            price,
            currency.ToUpperInvariant(),
            available,
            reserved: 0);
    }

    public static string NormalizeSku(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return sku.ToUpperInvariant();
    }

    /// <summary>Holds <paramref name="quantity"/> units; false (and nothing changes) when fewer are available.</summary>
    public bool Reserve(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Available)
        {
            return false;
        }

        Available -= quantity;
        Reserved += quantity;
        return true;
    }

    /// <summary>Returns <paramref name="quantity"/> previously reserved units to the available stock.</summary>
    public void Release(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Reserved)
        {
            throw new InvalidOperationException(
                $"Cannot release {quantity} units of {Sku}: only {Reserved} are reserved.");
        }

        Reserved -= quantity;
        Available += quantity;
    }

    /// <summary>Hands over <paramref name="quantity"/> reserved units to a confirmed order: they leave the stock.</summary>
    public void Sell(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Reserved)
        {
            throw new InvalidOperationException(
                $"Cannot sell {quantity} units of {Sku}: only {Reserved} are reserved.");
        }

        Reserved -= quantity;
    }

    /// <summary>Takes back <paramref name="quantity"/> sold units (a cancelled confirmed order): they can be reserved again.</summary>
    public void Restock(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Available += quantity;
    }

    /// <summary>
    /// Sets the quantity that can still be reserved (an admin's stock count). What is already reserved for orders is
    /// kept apart and is not affected.
    /// </summary>
    public void SetAvailable(int available)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(available);
        Available = available;
    }
}

using Shop.Inventory.Domain;

namespace Shop.Inventory.Data;

/// <summary>The products a fresh installation starts with, so the shop can be tried right away.</summary>
internal static class DemoCatalog
{
    public static IReadOnlyList<Product> Create() =>
    [
        Product.Create("SHOP-MUG-001", "Ceramic Coffee Mug 350 ml", 12.90m, "EUR", 250),
        Product.Create("SHOP-MUG-002", "Enamel Camping Mug", 14.50m, "EUR", 180),
        Product.Create("SHOP-TSH-001", "Organic Cotton T-Shirt", 24.95m, "EUR", 400),
        Product.Create("SHOP-HOD-001", "Zip Hoodie", 49.00m, "EUR", 150),
        Product.Create("SHOP-CAP-001", "Embroidered Baseball Cap", 19.90m, "EUR", 300),
        Product.Create("SHOP-BAG-001", "Canvas Tote Bag", 9.95m, "EUR", 500),
        Product.Create("SHOP-BTL-001", "Insulated Water Bottle 750 ml", 27.50m, "EUR", 220),
        Product.Create("SHOP-NTB-001", "A5 Dotted Notebook", 8.49m, "EUR", 450),
        Product.Create("SHOP-PEN-001", "Aluminium Ballpoint Pen", 6.90m, "EUR", 480),
        Product.Create("SHOP-STK-001", "Vinyl Sticker Pack", 4.99m, "EUR", 350),
        Product.Create("SHOP-SCK-001", "Merino Wool Socks", 15.00m, "EUR", 260),
        Product.Create("SHOP-UMB-001", "Compact Travel Umbrella", 22.00m, "EUR", 120),
        Product.Create("SHOP-BKP-001", "Everyday Backpack 20 l", 79.00m, "EUR", 100),
        Product.Create("SHOP-MSP-001", "Cork Mouse Pad", 11.50m, "EUR", 200),
    ];
}

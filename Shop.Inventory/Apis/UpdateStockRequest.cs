using Shop.ServiceDefaults.Http;

namespace Shop.Inventory.Apis;

public sealed record UpdateStockRequest(int? Available)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        StockRules.ValidateAvailable(Available, errors);
        return errors;
    }
}

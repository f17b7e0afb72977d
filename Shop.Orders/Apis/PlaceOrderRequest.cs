using System.Text.RegularExpressions;
using Shop.Orders.Domain;
using Shop.ServiceDefaults.Http;

namespace Shop.Orders.Apis;

public sealed partial record PlaceOrderRequest(IReadOnlyList<PlaceOrderLine?>? Items, string? PaymentToken)
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    // \z, not $: $ would also accept a trailing newline.
    public const string PaymentTokenPatternText = @"^tok_[A-Za-z0-9_]{1,64}\z";

    // Visible ASCII, '!' to '~': what the key check below accepts.
    public const string IdempotencyKeyPatternText = @"^[!-~]+\z";

    /// <summary>
    /// Checks the body and the optional <c>Idempotency-Key</c> header; the validated request, or null with every
    /// problem named in <paramref name="errors"/>.
    /// </summary>
    public OrderRequest? Validate(string? idempotencyKey, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);

        ValidateIdempotencyKey(idempotencyKey, errors);
        var lines = ValidateItems(Items, errors);

        if (string.IsNullOrEmpty(PaymentToken))
        {
            errors.Add("paymentToken", "paymentToken is required.");
        }
        else
        {
            errors.Require(
                PaymentTokenPattern().IsMatch(PaymentToken),
                "paymentToken",
                "paymentToken must be a payment processor token: tok_ followed by 1 to 64 letters, digits or underscores.");
        }

        return errors.IsEmpty ? new OrderRequest(lines, PaymentToken!) : null;
    }

    private static List<RequestedLine> ValidateItems(IReadOnlyList<PlaceOrderLine?>? items, ValidationErrors errors)
    {
        var lines = new List<RequestedLine>();
        if (items is null)
        {
            errors.Add("items", "items is required.");
            return lines;
        }

        if (items.Count is 0 or > Order.MaxLines)
        {
            errors.Add("items", $"items must have between 1 and {Order.MaxLines} lines.");
            return lines;
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < items.Count; i++)
        {
            var (productId, quantity) = (items[i]?.ProductId, items[i]?.Quantity);
            var productField = $"items[{i}].productId";
            var quantityField = $"items[{i}].quantity";

            if (productId is not { } id || id == Guid.Empty)
            {
                errors.Add(productField, "productId is required.");
            }
            else
            {
                errors.Require(seen.Add(id), productField, $"Product {id} is already on another line; put the whole quantity on one line.");
            }

            if (quantity is not { } count)
            {
                errors.Add(quantityField, "quantity is required.");
            }
            else
            {
                errors.Require(count is >= 1 and <= Order.MaxQuantity, quantityField, $"quantity must be between 1 and {Order.MaxQuantity}.");
            }

            if (productId is { } validId && quantity is { } validQuantity)
            {
                lines.Add(new RequestedLine(validId, validQuantity));
            }
        }

        return lines;
    }

    private static void ValidateIdempotencyKey(string? key, ValidationErrors errors)
    {
        if (key is null)
        {
            return;
        }

        errors.Require(
            key.Length is >= 1 and <= Order.MaxIdempotencyKeyLength && IdempotencyKeyPattern().IsMatch(key),
            IdempotencyKeyHeader,
            $"{IdempotencyKeyHeader} must be 1 to {Order.MaxIdempotencyKeyLength} visible ASCII characters.");
    }

    [GeneratedRegex(PaymentTokenPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex PaymentTokenPattern();

    [GeneratedRegex(IdempotencyKeyPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex IdempotencyKeyPattern();
}

namespace Shop.Orders.Domain;

/// <summary>
/// A validated request to place an order. A class, not a record, so no generated <c>ToString</c> can ever print the
/// payment token into a log.
/// </summary>
public sealed class OrderRequest(IReadOnlyList<RequestedLine> lines, string paymentToken)
{
    public IReadOnlyList<RequestedLine> Lines { get; } = lines;

    public string PaymentToken { get; } = paymentToken;
}

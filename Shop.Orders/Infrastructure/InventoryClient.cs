using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Polly;
using Shop.Orders.Domain;

namespace Shop.Orders.Infrastructure;

/// <summary>
/// Reads product names and prices from the inventory service. The HttpClient brings service discovery and the
/// resilience pipeline tuned in <see cref="InventoryClientExtensions"/>; every way inventory can fail to answer
/// becomes an <see cref="InventoryUnavailableException"/>, so callers have exactly one failure to handle.
/// </summary>
public sealed partial class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
{
    /// <summary>Looks the products up concurrently; a product inventory does not know maps to null.</summary>
    public async Task<IReadOnlyDictionary<Guid, InventoryProduct?>> GetProductsAsync(
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);

        var ids = productIds.Distinct().ToArray();
        var products = await Task.WhenAll(ids.Select(id => GetProductAsync(id, cancellationToken)));
        return ids.Zip(products).ToDictionary(pair => pair.First, pair => pair.Second);
    }

    private async Task<InventoryProduct?> GetProductAsync(Guid productId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(
                new Uri($"/api/v1/products/{productId:D}", UriKind.Relative), cancellationToken);

            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            // The endpoint is anonymous and the id well-formed, so any other failure is inventory's, not ours.
            if (!response.IsSuccessStatusCode)
            {
                throw new InventoryUnavailableException(
                    $"Inventory answered {(int)response.StatusCode} for product {productId:D}.");
            }

            // Named options (the defaults' own), so the warm-up reads its sample with the same cached metadata.
            var product = await response.Content.ReadFromJsonAsync<InventoryProduct>(JsonSerializerOptions.Web, cancellationToken);
            return IsUsable(product, productId)
                ? product with { Name = product.Name.Trim(), Currency = product.Currency.ToUpperInvariant() }
                : throw new InventoryUnavailableException($"Inventory's answer for product {productId:D} is not usable.");
        }
        catch (InventoryUnavailableException exception)
        {
            LogLookupFailed(logger, productId, exception);
            throw;
        }
        catch (Exception exception) when (IsUnavailability(exception, cancellationToken))
        {
            LogLookupFailed(logger, productId, exception);
            throw new InventoryUnavailableException($"Inventory could not be asked about product {productId:D}.", exception);
        }
    }

    private static bool IsUsable([NotNullWhen(true)] InventoryProduct? product, Guid productId) =>
        product is not null
        && product.Id == productId
        && !string.IsNullOrWhiteSpace(product.Name)
        && product.Name.Trim().Length <= OrderLine.MaxNameLength
        && product.Price is >= 0 and <= Order.MaxTotal
        && product.Currency?.Length == Order.CurrencyLength;

    // Cancellation of the caller's own request is not an outage and is left to propagate.
    private static bool IsUnavailability(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException or ExecutionRejectedException or JsonException or NotSupportedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory lookup for product {ProductId} failed")]
    private static partial void LogLookupFailed(ILogger logger, Guid productId, Exception exception);
}

using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shop.Inventory.Data;
using Shop.Inventory.Domain;
using Shop.ServiceDefaults.Authentication;
using Shop.ServiceDefaults.Http;
using Shop.ServiceDefaults.WarmUp;

namespace Shop.Inventory.Apis;

public static class InventoryApi
{
    private const int MaxStockUpdateAttempts = 3;

    /// <summary>The catalog's read routes once before inventory reports ready: a page, and a product that does not exist.</summary>
    public static IReadOnlyList<SelfRequest> WarmUpRequests { get; } =
    [
        new("GET", "/api/v1/products?page=1&pageSize=5", StatusCodes.Status200OK),
        new("GET", "/api/v1/products/{random}", StatusCodes.Status404NotFound),
    ];

    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var products = endpoints.MapGroup("/api/v1/products").WithTags("Products");

        products.MapGet("", ListProducts)
            .WithName("ListProducts")
            .AllowAnonymous();

        products.MapGet("/{id:guid}", GetProduct)
            .WithName("GetProduct")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AllowAnonymous();

        products.MapPost("", CreateProduct)
            .WithName("CreateProduct")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ShopPolicies.Admin);

        products.MapPut("/{id:guid}/stock", UpdateStock)
            .WithName("UpdateProductStock")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ShopPolicies.Admin);

        return endpoints;
    }

    internal static async Task<Results<Ok<PagedResult<ProductResponse>>, ValidationProblem>> ListProducts(
        int? page, int? pageSize, InventoryDbContext db, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var request = PageRequest.From(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var total = await db.Products.CountAsync(cancellationToken);
        var items = await db.Products.AsNoTracking()
            .OrderBy(product => product.Sku)
            .Skip(request.Skip)
            .Take(request.PageSize)
            .Select(product => new ProductResponse(
                product.Id, product.Sku, product.Name, product.Price, product.Currency, product.Available))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new PagedResult<ProductResponse>(items, request.Page, request.PageSize, total));
    }

    internal static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetProduct(
        Guid id, InventoryDbContext db, CancellationToken cancellationToken)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? ProductNotFound(id) : TypedResults.Ok(ProductResponse.From(product));
    }

    internal static async Task<Results<Created<ProductResponse>, ValidationProblem, ProblemHttpResult>> CreateProduct(
        CreateProductRequest request, InventoryDbContext db, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var product = Product.Create(request.Sku!, request.Name!, request.Price!.Value, request.Currency!, request.Available!.Value);
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku, cancellationToken))
        {
            return DuplicateSku(product.Sku);
        }

        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.IsUniqueViolation())
        {
            // Another request created the same sku between the check above and this insert.
            return DuplicateSku(product.Sku);
        }

        return TypedResults.Created($"/api/v1/products/{product.Id}", ProductResponse.From(product));
    }

    internal static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateStock(
        Guid id, UpdateStockRequest request, InventoryDbContext db, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var available = request.Available!.Value;

        // An update that loses a race (e.g. to a reservation) reads the product again and tries again.
        return await db.RetryOnConcurrencyConflictAsync<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>>(
            MaxStockUpdateAttempts,
            async ct =>
            {
                var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
                if (product is null)
                {
                    return ProductNotFound(id);
                }

                product.SetAvailable(available);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ProductResponse.From(product));
            },
            () => TypedResults.Problem(
                title: "Stock is changing",
                detail: "The product's stock kept changing while it was being updated; try again.",
                statusCode: StatusCodes.Status409Conflict),
            cancellationToken);
    }

    private static ProblemHttpResult ProductNotFound(Guid id) => TypedResults.Problem(
        title: "Product not found",
        detail: $"There is no product with id {id}.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult DuplicateSku(string sku) => TypedResults.Problem(
        title: "Duplicate sku",
        detail: $"A product with sku {sku} already exists.",
        statusCode: StatusCodes.Status409Conflict);
}

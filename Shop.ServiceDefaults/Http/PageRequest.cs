namespace Shop.ServiceDefaults.Http;

/// <summary>A page of a list endpoint (<c>?page=1&amp;pageSize=20</c>); pages are 1-based, 1..100 items.</summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    // Keeps Skip far from int overflow (a negative OFFSET would be a database error, so a 5xx).
    public const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>Defaults for omitted values; the errors map names each out-of-range parameter.</summary>
    public static PageRequest From(int? page, int? pageSize, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);

        var request = new PageRequest(page ?? 1, pageSize ?? DefaultPageSize);
        errors.Require(request.Page is >= 1 and <= MaxPage, "page", $"page must be between 1 and {MaxPage}.");
        errors.Require(request.PageSize is >= 1 and <= MaxPageSize, "pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        return request;
    }
}

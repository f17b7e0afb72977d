namespace Shop.ServiceDefaults.Http;

/// <summary>The paged shape every list endpoint returns: <c>{items, page, pageSize, total}</c>.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

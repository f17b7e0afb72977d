using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

/// <summary>Data a service needs before it is ready (an admin account, a demo catalog), applied after migrations.</summary>
internal sealed record DatabaseSeed<TContext>(Func<IServiceProvider, TContext, CancellationToken, Task> Apply)
    where TContext : DbContext;

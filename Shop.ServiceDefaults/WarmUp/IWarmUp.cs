namespace Shop.ServiceDefaults.WarmUp;

/// <summary>
/// Work that makes a service's first request as fast as its later ones: fetching the token signing keys, compiling
/// the hot queries, opening connections, JIT-compiling the request path. It runs once, after every other startup step
/// (the schema is there), before the service reports ready. Must change nothing a client could see.
/// </summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}

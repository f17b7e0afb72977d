namespace Shop.ServiceDefaults.WarmUp;

/// <summary>The requests a service's <see cref="SelfRequestWarmUp"/> sends, in order.</summary>
internal sealed record SelfRequests(IReadOnlyList<SelfRequest> All);

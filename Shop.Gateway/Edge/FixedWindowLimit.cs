namespace Shop.Gateway.Edge;

/// <summary>One named rate limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/>.</summary>
public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Fails start-up on a limit that would reject everything or never reset, naming the setting.</summary>
    public void Validate(string name)
    {
        if (PermitLimit <= 0 || Window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{RateLimitingExtensions.SectionName}:{name} needs PermitLimit > 0 and Window > 0 (got {PermitLimit} per {Window}).");
        }
    }
}

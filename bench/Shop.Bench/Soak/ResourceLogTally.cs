namespace Shop.Bench.Soak;

/// <summary>A resource's console output over some span: bytes, lines, warnings or worse, retries and dead letters.</summary>
public sealed record ResourceLogTally(long Bytes, long Lines, long Warnings, long Retries, long DeadLetters)
{
    public static readonly ResourceLogTally None = new(0, 0, 0, 0, 0);

    public ResourceLogTally Add(ResourceLogTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Bytes + other.Bytes, Lines + other.Lines, Warnings + other.Warnings, Retries + other.Retries, DeadLetters + other.DeadLetters);
    }
}

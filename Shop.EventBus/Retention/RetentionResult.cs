namespace Shop.EventBus.Retention;

/// <summary>What one clean-up pass deleted.</summary>
internal readonly record struct RetentionResult(int OutboxRows, int InboxRows)
{
    public bool DeletedAny => OutboxRows + InboxRows > 0;
}

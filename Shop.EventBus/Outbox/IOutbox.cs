namespace Shop.EventBus.Outbox;

/// <summary>
/// The only way a service publishes: the event joins the unit of work of the service's DbContext and is committed
/// by the same <c>SaveChanges</c> as the state change, then the relay publishes it. No commit, no event.
/// </summary>
public interface IOutbox
{
    void Add<TEvent>(TEvent integrationEvent) where TEvent : class;
}

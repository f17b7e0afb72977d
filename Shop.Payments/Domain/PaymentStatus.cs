namespace Shop.Payments.Domain;

public enum PaymentStatus
{
    Captured,
    Declined,
    Refunded,
}

namespace ECommerce.Notifications.Domain;

/// <summary>The templates' stable names: keys of the queue rows and of the texts in Templates/{language}.json.</summary>
public static class MailTemplates
{
    public const string OrderConfirmation = "order-confirmation";
    public const string PaymentFailed = "payment-failed";
    public const string OrderShipped = "order-shipped";
    public const string OrderDelivered = "order-delivered";
    public const string RefundIssued = "refund-issued";
    public const string ReturnRequested = "return-requested";
    public const string ReturnApproved = "return-approved";
    public const string ReturnRejected = "return-rejected";
    public const string ReturnReceived = "return-received";
    public const string PasswordReset = "password-reset";
    public const string EmailConfirmation = "email-confirmation";
    public const string AccountDeleted = "account-deleted";

    public static readonly string[] All =
    [
        OrderConfirmation, PaymentFailed, OrderShipped, OrderDelivered, RefundIssued, ReturnRequested, ReturnApproved,
        ReturnRejected, ReturnReceived, PasswordReset, EmailConfirmation, AccountDeleted,
    ];

    /// <summary>Templates about an order: the sender reads the order (lines, totals, address, recipient) from Orders.</summary>
    public static bool IsAboutAnOrder(string template) => template is not (PasswordReset or EmailConfirmation or AccountDeleted);
}

namespace ECommerce.Messaging;

/// <summary>
/// The handler always runs in a transaction of its own, even when the service groups the messages it is handed into
/// one transaction (<c>Messaging:InboxBatchSize</c> &gt; 1). For a handler that waits on something outside its database,
/// such as a payment provider: in a batch, that wait would hold the batch's transaction and its locks open and make the
/// other messages of the batch wait behind it, and a batch that fails is handled again, which would call out again.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HandledAloneAttribute : Attribute;

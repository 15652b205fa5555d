using ECommerce.Notifications.Clients;

namespace ECommerce.Notifications.Templates;

/// <summary>Everything one mail shows, gathered by the composer; the renderer only lays it out.</summary>
public sealed record MailModel(
    string Template,
    string? Preference,
    string? Name,
    IReadOnlyDictionary<string, string> Values,
    OrderForMail? Order = null,
    string? OrderLink = null,
    string? ActionLink = null,
    TrackingInfo? Tracking = null);

/// <summary>The shipment's carrier, tracking number and link.</summary>
public sealed record TrackingInfo(string? Carrier, string Number, string? Url);

/// <summary>A rendered e-mail: subject, HTML and plain-text bodies of the same content.</summary>
public sealed record RenderedMail(string Subject, string Html, string Text, string Language);

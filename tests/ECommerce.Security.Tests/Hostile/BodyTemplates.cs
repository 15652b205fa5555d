using static ECommerce.Security.Tests.Hostile.FieldKind;

namespace ECommerce.Security.Tests.Hostile;

/// <summary>
/// One valid body per endpoint that reads JSON, keyed like <c>POST /api/orders</c>. An endpoint that accepts a body and
/// has no template here fails the hostile suite: a new endpoint must bring its template with it.
/// </summary>
public static class BodyTemplates
{
    private static readonly Dictionary<string, string> IdempotencyKey = new() { ["Idempotency-Key"] = "{key}" };

    // Category slugs are left out of the hostile fields: an empty list is a valid rule (every product).
    private const string CollectionJson =
        """{"slug":"hostile-shelf","title":"Hostile shelf","description":"Picked.","kind":"rule","categories":["security"],"minPrice":1.00,"maxPrice":20.00,"minRating":3,"sort":"newest","position":5,"showOnHome":false,"active":true}""";

    private static readonly Dictionary<string, FieldKind> CollectionFields = new()
    {
        ["slug"] = Format,
        ["title"] = Text,
        ["description"] = Text,
        ["kind"] = Format,
        ["sort"] = Format,
        ["minPrice"] = Price,
        ["maxPrice"] = Price,
        ["minRating"] = Quantity,
        ["position"] = Count,
        ["showOnHome"] = Bool,
    };

    public static readonly IReadOnlyDictionary<string, BodyTemplate> ByEndpoint = new Dictionary<string, BodyTemplate>
    {
        // Products
        ["POST /api/products"] = new(
            """{"sku":"HOSTILE-NEW","name":"Hostile lamp","description":"A lamp.","price":10.00,"currency":"GBP","category":"security","brand":"acme","initialStock":1}""",
            new Dictionary<string, FieldKind> { ["sku"] = Text, ["name"] = Text, ["description"] = Text, ["price"] = Price, ["currency"] = Format, ["category"] = Format, ["brand"] = Text, ["initialStock"] = Count }),
        ["PUT /api/products/{id:guid}"] = new(
            """{"name":"Sturdy lock","description":"A lock.","price":12.50,"category":"security","brand":"acme","version":0}""",
            new Dictionary<string, FieldKind> { ["name"] = Text, ["description"] = Text, ["price"] = Price, ["category"] = Format, ["version"] = Count }),
        ["PUT /api/products/{id:guid}/images/{imageId:guid}"] = new("""{"alt":"A brass lock on an oak door"}""", new Dictionary<string, FieldKind> { ["alt"] = Text }),
        ["POST /api/products/families"] = new(
            """{"name":"Hostile shirt","description":"A shirt.","category":"security","brand":"acme","options":[{"name":"Colour","values":["Blue","Red"]}]}""",
            new Dictionary<string, FieldKind> { ["name"] = Text, ["description"] = Text, ["category"] = Format, ["brand"] = Text, ["options[0].name"] = Text }),
        ["POST /api/products/families/{id:guid}/variants"] = new(
            """{"sku":"HOSTILE-VAR","price":10.00,"optionValues":{"Colour":"Blue"},"initialStock":1}""",
            new Dictionary<string, FieldKind> { ["sku"] = Text, ["price"] = Price, ["initialStock"] = Count }),
        ["PUT /api/products/families/variants/{id:guid}/options"] = new("""{"optionValues":{"Colour":"Blue"}}""", new Dictionary<string, FieldKind>()),
        ["PUT /api/products/families/{id:guid}"] = new(
            """{"name":"Hostile shirt","description":"A shirt.","category":"security","brand":"acme"}""",
            new Dictionary<string, FieldKind> { ["name"] = Text, ["description"] = Text, ["category"] = Format, ["brand"] = Text }),
        ["PUT /api/products/families/{id:guid}/options"] = new(
            """{"options":[{"name":"Colour","values":["Blue","Red","Green"]}]}""", new Dictionary<string, FieldKind> { ["options[0].name"] = Text }),
        ["PUT /api/products/families/variants/{id:guid}/active"] = new("""{"active":false}""", new Dictionary<string, FieldKind> { ["active"] = Bool }),
        ["POST /api/products/lookup"] = new("""{"ids":["{product}"]}""", new Dictionary<string, FieldKind> { ["ids"] = GuidList }),
        ["POST /api/products/categories"] = new("""{"name":"Hostile","parent":"security"}""", new Dictionary<string, FieldKind> { ["name"] = Text, ["parent"] = Format }),
        ["POST /api/products/{id:guid}/stock/adjustments"] = new("""{"delta":1,"reason":"recount"}""", new Dictionary<string, FieldKind> { ["delta"] = Delta, ["reason"] = Text }),
        ["PUT /api/products/{id:guid}/reviews/mine"] = new(
            """{"rating":4,"title":"Sturdy","body":"Kept the shed shut all winter."}""",
            new Dictionary<string, FieldKind> { ["rating"] = Quantity, ["title"] = Text, ["body"] = Text }),
        ["POST /api/products/admin/collections"] = new(CollectionJson, CollectionFields),
        ["PUT /api/products/admin/collections/{collectionId:int}"] = new(CollectionJson, CollectionFields),
        ["PUT /api/products/admin/collections/order"] = new("""{"ids":[1,2,3]}""", new Dictionary<string, FieldKind>()),
        ["POST /api/products/admin/reviews/{reviewId:guid}/reject"] = new("""{"reason":"Off topic."}""", new Dictionary<string, FieldKind> { ["reason"] = Text }),

        // Users
        ["POST /api/users/me/addresses"] = new(
            """{"label":"Work","recipient":"Ada A","line1":"2 Engine Street","city":"London","postcode":"N1 9GU","country":"GB","phone":"+442071234567","isDefaultShipping":false}""",
            new Dictionary<string, FieldKind> { ["label"] = Text, ["recipient"] = Text, ["line1"] = Text, ["city"] = Text, ["postcode"] = Format, ["country"] = Format, ["phone"] = Format, ["isDefaultShipping"] = Bool }),
        ["PUT /api/users/me/addresses/{id:guid}"] = new(
            """{"label":"Home","recipient":"Ada A","line1":"1 Analytical Way","city":"London","postcode":"N1 9GU","country":"GB"}""",
            new Dictionary<string, FieldKind> { ["label"] = Text, ["recipient"] = Text, ["line1"] = Text, ["postcode"] = Format, ["country"] = Format }),
        ["PUT /api/users/me"] = new(
            """{"displayName":"Ada","phone":"+442071234567","marketingConsent":false}""",
            new Dictionary<string, FieldKind> { ["displayName"] = Text, ["phone"] = Format, ["marketingConsent"] = Bool }),
        ["POST /api/users/me/wishlist/merge"] = new("""{"productIds":["{product}"]}""", new Dictionary<string, FieldKind> { ["productIds"] = GuidList }),
        ["PUT /api/users/me/preferences"] = new(
            """{"currency":"GBP","language":"en","newsletter":false}""",
            new Dictionary<string, FieldKind> { ["currency"] = Format, ["language"] = Format, ["newsletter"] = Bool }),

        // Orders
        ["POST /api/orders/cart/lines"] = new("""{"productId":"{product}","quantity":1}""", new Dictionary<string, FieldKind> { ["productId"] = FieldKind.Identifier, ["quantity"] = Quantity }),
        ["PUT /api/orders/cart/lines/{productId:guid}"] = new("""{"quantity":2}""", new Dictionary<string, FieldKind> { ["quantity"] = Quantity }),
        ["POST /api/orders"] = new(
            """{"lines":[{"productId":"{product}","quantity":1}],"shippingAddress":{"recipient":"Ada A","line1":"1 Analytical Way","city":"London","postcode":"N1 9GU","country":"GB"},"paymentMethod":"pm_card_visa"}""",
            new Dictionary<string, FieldKind>
            {
                ["lines[0].productId"] = FieldKind.Identifier,
                ["lines[0].quantity"] = Quantity,
                ["shippingAddress.recipient"] = Text,
                ["shippingAddress.postcode"] = Format,
                ["shippingAddress.country"] = Format,
                ["paymentMethod"] = Format,
            },
            IdempotencyKey),
        // Anonymous: the suite's caller has no cart, so even a harmless variant is refused (400 naming "cart").
        ["POST /api/orders/guest/checkout"] = new(
            """{"email":"guest@shop.test","shippingAddress":{"recipient":"Ada A","line1":"1 Analytical Way","city":"London","postcode":"N1 9GU","country":"GB"},"paymentMethod":"pm_card_visa","website":""}""",
            new Dictionary<string, FieldKind>
            {
                ["email"] = Format,
                ["shippingAddress.recipient"] = Text,
                ["shippingAddress.postcode"] = Format,
                ["shippingAddress.country"] = Format,
                ["paymentMethod"] = Format,
                ["website"] = Text,
            },
            IdempotencyKey),
        ["POST /api/orders/{id:guid}/cancel"] = new("""{"reason":"changed my mind"}""", new Dictionary<string, FieldKind> { ["reason"] = Text }),
        ["POST /api/orders/admin/{id:guid}/cancel"] = new("""{"reason":"customer asked by phone"}""", new Dictionary<string, FieldKind> { ["reason"] = Text }),
        ["POST /api/orders/admin/{id:guid}/risk/reject"] = new("""{"reason":"card reported stolen"}""", new Dictionary<string, FieldKind> { ["reason"] = Text }),
        ["POST /api/orders/guest/{id:guid}/payment"] = new("""{"paymentMethod":"pm_card_visa"}""", new Dictionary<string, FieldKind> { ["paymentMethod"] = Format }),
        ["POST /api/orders/{id:guid}/payment"] = new("""{"paymentMethod":"pm_card_visa"}""", new Dictionary<string, FieldKind> { ["paymentMethod"] = Format }),
        ["POST /api/orders/{id:guid}/ship"] = new("""{"trackingNumber":"TRK123456","carrier":"dpd"}""", new Dictionary<string, FieldKind> { ["trackingNumber"] = Format, ["carrier"] = Format }),
        ["POST /api/orders/admin/{id:guid}/shipments"] = new(
            """{"carrier":"royal-mail","trackingNumber":"RM123","lines":[{"productId":"{product}","quantity":1}]}""",
            new Dictionary<string, FieldKind> { ["carrier"] = Format, ["trackingNumber"] = Format, ["lines[0].productId"] = Identifier, ["lines[0].quantity"] = Quantity }),
        ["POST /api/orders/{id:guid}/returns"] = new(
            """{"lines":[{"productId":"{product}","quantity":1,"reason":"damaged"}],"note":"The box was crushed"}""",
            new Dictionary<string, FieldKind> { ["lines[0].productId"] = Identifier, ["lines[0].quantity"] = Quantity, ["lines[0].reason"] = Format, ["note"] = Text }),
        ["POST /api/orders/guest/{orderId:guid}/returns"] = new(
            """{"lines":[{"productId":"{product}","quantity":1,"reason":"damaged"}],"note":"The box was crushed"}""",
            new Dictionary<string, FieldKind> { ["lines[0].productId"] = Identifier, ["lines[0].quantity"] = Quantity, ["lines[0].reason"] = Format, ["note"] = Text }),
        ["POST /api/orders/admin/{id:guid}/returns/{returnId:guid}/reject"] = new("""{"reason":"No damage in the photos"}""", new Dictionary<string, FieldKind> { ["reason"] = Text }),
        ["POST /api/orders/admin/{id:guid}/returns/{returnId:guid}/receive"] = new(
            """{"lines":[{"productId":"{product}","restock":true}]}""",
            new Dictionary<string, FieldKind> { ["lines[0].productId"] = Identifier, ["lines[0].restock"] = Bool }),
        ["PUT /api/orders/admin/promotions/{code}"] = new(
            """{"description":"Hostile ten percent","kind":"Percentage","value":10,"categorySlugs":["security"],"usageLimit":5,"perCustomerLimit":1,"active":false}""",
            new Dictionary<string, FieldKind> { ["description"] = Text, ["kind"] = Format, ["value"] = Price, ["usageLimit"] = Count, ["perCustomerLimit"] = Count, ["active"] = Bool }),
        ["PUT /api/orders/admin/shipping-methods/{code}"] = new(
            """{"name":"Hostile post","zone":"United Kingdom","countries":["GB"],"rateKind":"Flat","flatFee":3.50,"minDays":1,"maxDays":3,"active":false,"sortOrder":999}""",
            new Dictionary<string, FieldKind> { ["name"] = Text, ["zone"] = Text, ["rateKind"] = Format, ["flatFee"] = Price, ["minDays"] = Count, ["maxDays"] = Count, ["active"] = Bool }),

        // Payments
        ["POST /api/payments/orders/{orderId:guid}/refunds"] = new(
            """{"amountMinor":100,"reason":"goodwill"}""", new Dictionary<string, FieldKind> { ["amountMinor"] = MinorAmount, ["reason"] = Text }, IdempotencyKey),
        ["POST /api/payments/guest/orders/{orderId:guid}/simulated-challenge"] = new("""{"outcome":"approve"}""", new Dictionary<string, FieldKind> { ["outcome"] = Format }),
        ["POST /api/payments/me/orders/{orderId:guid}/simulated-challenge"] = new("""{"outcome":"approve"}""", new Dictionary<string, FieldKind> { ["outcome"] = Format }),
        // Unsigned, so every variant is a forgery too; signature attacks proper are in ECommerce.Payments.Tests.
        ["POST /api/payments/webhooks/stripe"] = new(
            """{"id":"evt_hostile","type":"payment_intent.succeeded","data":{"object":{"id":"pi_hostile","metadata":{"orderId":"{order}"}}}}""",
            new Dictionary<string, FieldKind> { ["id"] = Format, ["type"] = Format }),

        // AI
        ["POST /api/ai/events/views"] = new("""{"visitorId":"visitor-1","productIds":["{product}"]}""", new Dictionary<string, FieldKind> { ["visitorId"] = Format, ["productIds"] = GuidList }),
        ["POST /api/ai/risk"] = new(
            """{"orderId":"{order}","customerId":"security-customer-a","amount":12.50,"currency":"GBP","lineCount":1,"accountAgeDays":10,"addressChangesLast30Days":0,"ordersLast24Hours":0}""",
            // orderId only labels the answer (scoring is a pure calculation), so any GUID is valid there.
            new Dictionary<string, FieldKind> { ["amount"] = Price, ["currency"] = Format, ["lineCount"] = Quantity, ["addressChangesLast30Days"] = Count, ["ordersLast24Hours"] = Count }),

        // Auth
        ["POST /api/auth/register"] = new(
            """{"email":"hostile.new@shop.test","password":"Valid-password-123","displayName":"New"}""",
            new Dictionary<string, FieldKind> { ["email"] = Format, ["password"] = Text, ["displayName"] = Text }),
        ["POST /api/auth/password/forgot"] = new("""{"email":"nobody@shop.test"}""", new Dictionary<string, FieldKind> { ["email"] = Format }),
        ["POST /api/auth/password/reset"] = new(
            """{"email":"nobody@shop.test","token":"not-a-token","newPassword":"Valid-password-123"}""",
            new Dictionary<string, FieldKind> { ["email"] = Format, ["token"] = Format, ["newPassword"] = Text }),
        ["POST /api/auth/email/confirm"] = new(
            """{"userId":"security-nobody","token":"bm90LWEtdG9rZW4"}""",
            new Dictionary<string, FieldKind> { ["userId"] = Format, ["token"] = Format }),
        ["POST /api/auth/me/password"] = new(
            """{"currentPassword":"Wrong-password-123","newPassword":"Valid-password-456"}""",
            new Dictionary<string, FieldKind> { ["currentPassword"] = Text, ["newPassword"] = Text }),

        // Notifications: a public address (TEST-NET-3, never resolved) so that outside Development the guard accepts it.
        ["POST /api/notifications/admin/webhooks"] = new(
            """{"url":"https://203.0.113.10/hooks/orders","eventTypes":["OrderPaid","OrderShipped"]}""",
            new Dictionary<string, FieldKind> { ["url"] = Format, ["eventTypes"] = NameList }),
    };
}

// Writes every secret the container apps read into Key Vault. Container apps reference these by versionless URL
// through the managed identity, so a rotation here reaches them without a template change (docs/deploy.md).
param keyVaultName string
param postgresServerName string
param postgresAdministratorLogin string
param databases array
param redisName string
param serviceBusNamespaceName string
param serviceBusAppRuleName string
param serviceBusScalerRuleName string
param applicationInsightsName string

@description('The images storage account\'s blob endpoint: the Products service\'s images connection (no key: managed identity).')
param imagesBlobEndpoint string

@secure()
param postgresAdministratorPassword string

@secure()
param orderAccessSigningKey string

@secure()
param stripeSecretKey string = ''

@secure()
param stripeWebhookSecret string = ''

@secure()
param notificationsClientSecret string

@secure()
param ordersClientSecret string

param smtpHost string
param smtpPort string

@secure()
param smtpUsername string = ''

@secure()
param smtpPassword string = ''

@description('The From header of every mail: a sender of the relay\'s verified domain (for ACS, DoNotReply@<domain>).')
param smtpFrom string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' existing = {
  name: postgresServerName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Every service exports its telemetry to Application Insights with this (ServiceDefaults' Telemetry.cs).
resource insightsConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'appinsights-connection-string'
  properties: {
    value: insights.properties.ConnectionString
  }
}

resource redis 'Microsoft.Cache/redis@2024-03-01' existing = {
  name: redisName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource appRule 'AuthorizationRules' existing = {
    name: serviceBusAppRuleName
  }

  resource scalerRule 'AuthorizationRules' existing = {
    name: serviceBusScalerRuleName
  }
}

// Double quotes (doubled inside) keep a generated password with ';' or '=' from breaking the connection string.
var quotedPassword = '"${replace(postgresAdministratorPassword, '"', '""')}"'
var postgresHost = postgres.properties.fullyQualifiedDomainName

// Read back by azd's $(secretOrRandomPassword …) on the next provision, so the password is generated only once.
resource postgresPassword 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'postgres-admin-password'
  properties: {
    value: postgresAdministratorPassword
  }
}

resource databaseConnections 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for name in databases: {
  parent: vault
  name: 'connectionstrings-${name}'
  properties: {
    value: 'Host=${postgresHost};Port=5432;Database=${name};Username=${postgresAdministratorLogin};Password=${quotedPassword};SSL Mode=VerifyFull'
  }
}]

resource cacheConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings-cache'
  properties: {
    value: '${redis.properties.hostName}:${redis.properties.sslPort},password=${redis.listKeys().primaryKey},ssl=True,abortConnect=False'
  }
}

resource messagingConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings-messaging'
  properties: {
    value: serviceBus::appRule.listKeys().primaryConnectionString
  }
}

// Not a secret (an endpoint without a key), but kept with the other connection strings so the template reads them alike.
resource imagesConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'connectionstrings-images'
  properties: {
    value: imagesBlobEndpoint
  }
}

resource scalerConnection 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'servicebus-scaler-connection'
  properties: {
    value: serviceBus::scalerRule.listKeys().primaryConnectionString
  }
}

// Signs guest order links; Orders and Payments read it. Read back by azd's $(secretOrRandomPassword …) on the next
// provision, so it stays the same (and outstanding links keep working) until an operator rotates it.
resource orderAccessKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'order-access-signing-key'
  properties: {
    value: orderAccessSigningKey
  }
}

// Only when given: Container Apps refuses an empty Key Vault secret, and Payments runs simulated without them.
resource stripeKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(stripeSecretKey)) {
  parent: vault
  name: 'stripe-secret-key'
  properties: {
    value: stripeSecretKey
  }
}

resource stripeWebhook 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(stripeWebhookSecret)) {
  parent: vault
  name: 'stripe-webhook-secret'
  properties: {
    value: stripeWebhookSecret
  }
}

// The Notifications service's client-credentials secret: Auth registers the client with it, Notifications presents it.
resource notificationsClient 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'notifications-client-secret'
  properties: {
    value: notificationsClientSecret
  }
}

// The Orders service's client-credentials secret, for its calls to AI's risk score.
resource ordersClient 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'orders-client-secret'
  properties: {
    value: ordersClientSecret
  }
}

// The SMTP relay (Azure Communication Services by default). Container Apps refuses an empty Key Vault secret, so an
// unset user name or password is written as 'none', which Notifications reads as "no authentication".
var smtpSettings = {
  'smtp-host': smtpHost
  'smtp-port': smtpPort
  'smtp-username': empty(smtpUsername) ? 'none' : smtpUsername
  'smtp-password': empty(smtpPassword) ? 'none' : smtpPassword
  // Until a verified sender is set, the relay refuses the mails: they stay queued and the message log shows why.
  'smtp-from': empty(smtpFrom) ? 'ECommerce Store <DoNotReply@sender-not-configured.invalid>' : smtpFrom
}

resource smtp 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for setting in items(smtpSettings): {
  parent: vault
  name: setting.key
  properties: {
    value: setting.value
  }
}]

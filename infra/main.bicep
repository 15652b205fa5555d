// The whole Azure estate for one azd environment: a resource group and everything the Container Apps need.
// Layout follows what `azd infra gen` writes for an Aspire app (main.bicep + resources, outputs azd maps into the
// container app templates infra/<service>.tmpl.yaml); from here on it is owned by this repository.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; the resource group is rg-<name> and resource names derive from it.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Object id of the deploying user or pipeline; gets Key Vault Secrets Officer (rotation) and Contributor on the Container Apps environment. Empty skips those assignments.')
param principalId string = ''

@secure()
@description('PostgreSQL administrator password. main.parameters.json asks azd for $(secretOrRandomPassword …), so it is generated once and then read back from Key Vault.')
param postgresAdminPassword string

@secure()
@description('Key that signs guest order links (Orders signs, Payments verifies). main.parameters.json asks azd for $(secretOrRandomPassword …), so it is generated once and then read back from Key Vault; rotating it ends every outstanding link.')
param orderAccessSigningKey string

@secure()
@description('Stripe secret key (sk_…); empty keeps Payments on its simulated provider.')
param stripeSecretKey string = ''

@secure()
@description('Stripe webhook signing secret (whsec_…); needed only with a Stripe secret key.')
param stripeWebhookSecret string = ''

@description('E-mail address the store alerts (dead letters, outbox age, consumer lag) notify; empty: the portal only.')
param alertEmail string = ''

@secure()
@description('The Notifications service\'s client-credentials secret (Auth knows it too). main.parameters.json asks azd for $(secretOrRandomPassword …), so it is generated once and then read back from Key Vault.')
param notificationsClientSecret string

@secure()
@description('The Orders service\'s client-credentials secret, for its calls to AI\'s risk score (Auth knows it too); generated once like the Notifications one.')
param ordersClientSecret string

@description('SMTP relay host; Azure Communication Services\' SMTP relay by default (docs/deploy.md).')
param smtpHost string = 'smtp.azurecomm.net'

@description('SMTP relay port (587 with STARTTLS for Azure Communication Services).')
param smtpPort string = '587'

@secure()
@description('SMTP user name (for Azure Communication Services: the Entra application\'s SMTP username); empty sends without authentication.')
param smtpUsername string = ''

@secure()
@description('SMTP password (for Azure Communication Services: the Entra application\'s client secret).')
param smtpPassword string = ''

@description('The From header of every mail, "Name <address>", an address of the relay\'s verified domain (for Azure Communication Services: DoNotReply@<your domain>).')
param smtpFrom string = ''

var tags = {
  'azd-env-name': environmentName
}

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  scope: rg
  name: 'resources'
  params: {
    location: location
    tags: tags
    principalId: principalId
    postgresAdminPassword: postgresAdminPassword
    orderAccessSigningKey: orderAccessSigningKey
    stripeSecretKey: stripeSecretKey
    stripeWebhookSecret: stripeWebhookSecret
    alertEmail: alertEmail
    notificationsClientSecret: notificationsClientSecret
    ordersClientSecret: ordersClientSecret
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUsername: smtpUsername
    smtpPassword: smtpPassword
    smtpFrom: smtpFrom
  }
}

// Names azd and the templates read (the same names `azd infra gen` produces for an Aspire app).
output MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.MANAGED_IDENTITY_CLIENT_ID
output MANAGED_IDENTITY_NAME string = resources.outputs.MANAGED_IDENTITY_NAME
output MANAGED_IDENTITY_PRINCIPAL_ID string = resources.outputs.MANAGED_IDENTITY_PRINCIPAL_ID
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = resources.outputs.AZURE_LOG_ANALYTICS_WORKSPACE_NAME
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = resources.outputs.AZURE_LOG_ANALYTICS_WORKSPACE_ID
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.AZURE_CONTAINER_REGISTRY_ENDPOINT
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.AZURE_CONTAINER_REGISTRY_NAME
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = resources.outputs.AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_NAME
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_ID
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN
output AZURE_KEY_VAULT_NAME string = resources.outputs.AZURE_KEY_VAULT_NAME
output AZURE_KEY_VAULT_ENDPOINT string = resources.outputs.AZURE_KEY_VAULT_ENDPOINT
output SERVICE_BINDING_KV_ENDPOINT string = resources.outputs.AZURE_KEY_VAULT_ENDPOINT
output AZURE_POSTGRES_SERVER_FQDN string = resources.outputs.AZURE_POSTGRES_SERVER_FQDN
output AZURE_REDIS_HOST string = resources.outputs.AZURE_REDIS_HOST
output AZURE_SERVICE_BUS_NAMESPACE string = resources.outputs.AZURE_SERVICE_BUS_NAMESPACE
output AZURE_SERVICE_BUS_ENDPOINT string = resources.outputs.AZURE_SERVICE_BUS_ENDPOINT
output AZURE_STORAGE_BLOB_ENDPOINT string = resources.outputs.AZURE_STORAGE_BLOB_ENDPOINT
// The payments template adds the Stripe secret references only when this is "true" (an absent Key Vault secret
// would fail the revision, and Container Apps rejects an empty one).
#disable-next-line outputs-should-not-contain-secrets // a yes/no derived from the key, never the key itself
output STRIPE_CONFIGURED string = empty(stripeSecretKey) ? 'false' : 'true'

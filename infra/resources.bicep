// Everything in the resource group, composed from one module per kind of resource.
@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Object id of the deploying user or pipeline; empty skips its role assignments.')
param principalId string = ''

@secure()
param postgresAdminPassword string

@secure()
param orderAccessSigningKey string

@secure()
param stripeSecretKey string = ''

@secure()
param stripeWebhookSecret string = ''

@description('E-mail address the store alerts notify; empty: the portal only.')
param alertEmail string = ''

@secure()
param notificationsClientSecret string

@secure()
param ordersClientSecret string

param smtpHost string = 'smtp.azurecomm.net'
param smtpPort string = '587'

@secure()
param smtpUsername string = ''

@secure()
param smtpPassword string = ''

param smtpFrom string = ''

// Stable per resource group, so names are unique without being random on each deployment.
var resourceToken = uniqueString(resourceGroup().id)

// One database per service; messaging is Service Bus in Azure, so there is no messaging database here.
var databases = ['productsdb', 'authdb', 'usersdb', 'ordersdb', 'paymentsdb', 'aidb', 'notificationsdb']

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    alertEmail: alertEmail
  }
}

module registry 'modules/container-registry.bicep' = {
  name: 'registry'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    pullPrincipalId: identity.outputs.principalId
  }
}

module environment 'modules/container-apps-environment.bicep' = {
  name: 'environment'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    logAnalyticsWorkspaceName: monitoring.outputs.workspaceName
    principalId: principalId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    readerPrincipalId: identity.outputs.principalId
    officerPrincipalId: principalId
  }
}

module postgres 'modules/postgres.bicep' = {
  name: 'postgres'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    administratorPassword: postgresAdminPassword
    databases: databases
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    dataPrincipalId: identity.outputs.principalId
    topology: loadJsonContent('servicebus-topology.json')
  }
}

// Product images (the Products service's ConnectionStrings__images is the blob endpoint; it signs in as the identity).
module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    dataPrincipalId: identity.outputs.principalId
  }
}

// Connection strings and keys go to Key Vault; container apps reference them there through the managed identity.
module secrets 'modules/app-secrets.bicep' = {
  name: 'app-secrets'
  params: {
    keyVaultName: keyVault.outputs.name
    postgresServerName: postgres.outputs.serverName
    postgresAdministratorLogin: postgres.outputs.administratorLogin
    postgresAdministratorPassword: postgresAdminPassword
    orderAccessSigningKey: orderAccessSigningKey
    databases: databases
    redisName: redis.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    serviceBusAppRuleName: serviceBus.outputs.appRuleName
    serviceBusScalerRuleName: serviceBus.outputs.scalerRuleName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    imagesBlobEndpoint: storage.outputs.blobEndpoint
    stripeSecretKey: stripeSecretKey
    stripeWebhookSecret: stripeWebhookSecret
    notificationsClientSecret: notificationsClientSecret
    ordersClientSecret: ordersClientSecret
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUsername: smtpUsername
    smtpPassword: smtpPassword
    smtpFrom: smtpFrom
  }
}

module signingCertificate 'modules/signing-certificate.bicep' = {
  name: 'signing-certificate'
  params: {
    location: location
    tags: tags
    resourceToken: resourceToken
    keyVaultName: keyVault.outputs.name
    certificateName: 'auth-signing'
  }
}

output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_NAME string = identity.outputs.name
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.workspaceName
output AZURE_LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.workspaceId
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_REGISTRY_MANAGED_IDENTITY_ID string = identity.outputs.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = environment.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = environment.outputs.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = environment.outputs.defaultDomain
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_POSTGRES_SERVER_FQDN string = postgres.outputs.fullyQualifiedDomainName
output AZURE_REDIS_HOST string = redis.outputs.hostName
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.namespaceName
output AZURE_SERVICE_BUS_ENDPOINT string = serviceBus.outputs.endpoint
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

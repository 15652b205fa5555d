// Azure Database for PostgreSQL flexible server: one server, one database per service (each service owns its schema).
param location string
param tags object
param resourceToken string
param databases array

@secure()
param administratorPassword string

param administratorLogin string = 'ecommerceadmin'

@description('Burstable B1ms is the smallest tier; move to General Purpose for production load.')
param skuName string = 'Standard_B1ms'
param skuTier string = 'Burstable'
param storageSizeGB int = 32

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: 'psql-${resourceToken}'
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: '16'
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    authConfig: {
      passwordAuth: 'Enabled'
      activeDirectoryAuth: 'Disabled'
    }
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
  }

  // 0.0.0.0–0.0.0.0 admits Azure services only (the Container Apps' outbound addresses), not the internet.
  resource allowAzureServices 'firewallRules' = {
    name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
    properties: {
      startIpAddress: '0.0.0.0'
      endIpAddress: '0.0.0.0'
    }
  }

  // TLS is required by default on flexible server (require_secure_transport=on); the connection strings say so too.
}

@batchSize(1) // the server accepts one database operation at a time
resource serviceDatabases 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = [for name in databases: {
  parent: server
  name: name
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}]

output serverName string = server.name
output administratorLogin string = administratorLogin
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName

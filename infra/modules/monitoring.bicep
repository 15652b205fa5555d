// Log Analytics: container console and system logs from the Container Apps environment.
param location string
param tags object
param resourceToken string

@description('Days of retention; 30 is the minimum that is free of retention charges.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    // A floor under runaway logging costs; raise it deliberately.
    workspaceCapping: {
      dailyQuotaGb: 1
    }
  }
}

output workspaceName string = workspace.name
output workspaceId string = workspace.id

// Log Analytics (container console and system logs from the Container Apps environment) and Application Insights on
// the same workspace: every service exports its traces, metrics and logs to it with the Azure Monitor OpenTelemetry
// distro (ServiceDefaults' Telemetry.cs), and the store's own metrics ("ecommerce.*", docs/operations.md) drive the alerts
// below.
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

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceToken}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Where the alerts notify; empty: the alerts fire on the portal only.')
param alertEmail string = ''

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ecommerce'
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// The store's own signals, by the metric names the services export (AppMetrics holds OpenTelemetry metrics).
var storeAlerts = [
  {
    name: 'dead-letters'
    description: 'A message exhausted its deliveries and was dead-lettered: an event some service never handled (replay it after the fix, docs/operations.md).'
    severity: 1
    query: 'AppMetrics | where Name == "ecommerce.messaging.dead_letters" | summarize Value = sum(Sum) by AppRoleName'
    threshold: 0
  }
  {
    name: 'outbox-age'
    description: 'An outbox has held an unsent event for over 5 minutes: the dispatcher or Service Bus is down, and the checkout saga has stalled.'
    severity: 2
    query: 'AppMetrics | where Name == "ecommerce.outbox.age" | summarize Value = max(Max) by AppRoleName'
    threshold: 300
  }
  {
    name: 'consumer-lag'
    description: 'A subscription has had a message waiting for over 5 minutes: its consumer is failing or overwhelmed.'
    severity: 2
    query: 'AppMetrics | where Name == "ecommerce.messaging.consumer.lag" | summarize Value = max(Max) by AppRoleName'
    threshold: 300
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [for alert in storeAlerts: {
  name: 'alert-${alert.name}-${resourceToken}'
  location: location
  tags: tags
  properties: {
    displayName: 'ecommerce ${alert.name}'
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [workspace.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'Value'
          dimensions: [
            {
              name: 'AppRoleName'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: alert.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: empty(alertEmail) ? [] : [operators.id]
    }
  }
}]

output workspaceName string = workspace.name
output workspaceId string = workspace.id
output applicationInsightsName string = insights.name

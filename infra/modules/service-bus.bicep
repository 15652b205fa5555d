// Service Bus: the topology ECommerce.Messaging's Service Bus transport expects, a topic per integration event and a
// subscription per consuming service (infra/servicebus-topology.json), with redelivery bounded and dead-lettering on.
param location string
param tags object
param resourceToken string

@description('{ topics: [eventName], subscriptions: { service: [eventName] } }')
param topology object

@description('The container apps identity: Azure Service Bus Data Sender and Data Receiver.')
param dataPrincipalId string

@description('Deliveries before a message is dead-lettered; the transport dead-letters at the same count (Messaging:MaxDeliveryCount).')
param maxDeliveryCount int = 10

var dataSenderRoleId = '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
var dataReceiverRoleId = '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'

// [{ topic, subscription }] from { subscription: [topic] }.
var bindings = flatten(map(items(topology.subscriptions), s => map(s.value, t => {
  topic: t
  subscription: s.key
})))

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: 'sb-${resourceToken}'
  location: location
  tags: tags
  // Standard is the smallest tier with topics.
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    minimumTlsVersion: '1.2'
    // SAS stays on: the transport builds its client from the messaging connection string (kept in Key Vault).
    disableLocalAuth: false
  }
}

resource topics 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [for topic in topology.topics: {
  parent: namespace
  name: topic
  properties: {
    defaultMessageTimeToLive: 'P14D'
    enableBatchedOperations: true
  }
}]

resource subscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [for binding in bindings: {
  name: '${namespace.name}/${binding.topic}/${binding.subscription}'
  properties: {
    maxDeliveryCount: maxDeliveryCount
    lockDuration: 'PT1M' // the transport's backoff stays under 20 s so a lock never expires mid-retry
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
    defaultMessageTimeToLive: 'P14D'
    enableBatchedOperations: true
  }
  dependsOn: [
    topics
  ]
}]

// Apps send and listen, nothing more: without Manage the transport skips creating entities and relies on the above.
resource appRule 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2024-01-01' = {
  parent: namespace
  name: 'app'
  properties: {
    rights: [
      'Send'
      'Listen'
    ]
  }
}

// KEDA's queue-length scaler reads subscription runtime counts, which needs Manage. Only scale rules see this one.
resource scalerRule 'Microsoft.ServiceBus/namespaces/AuthorizationRules@2024-01-01' = {
  parent: namespace
  name: 'scaler'
  properties: {
    rights: [
      'Manage'
      'Send'
      'Listen'
    ]
  }
}

resource dataSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, dataPrincipalId, dataSenderRoleId)
  scope: namespace
  properties: {
    principalId: dataPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataSenderRoleId)
  }
}

resource dataReceiver 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(namespace.id, dataPrincipalId, dataReceiverRoleId)
  scope: namespace
  properties: {
    principalId: dataPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', dataReceiverRoleId)
  }
}

output namespaceName string = namespace.name
output endpoint string = namespace.properties.serviceBusEndpoint
output appRuleName string = appRule.name
output scalerRuleName string = scalerRule.name
output subscriptionCount int = length(bindings)

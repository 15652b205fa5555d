// The Auth service's token signing certificate, created in Key Vault once (ARM cannot create Key Vault certificates,
// so a deployment script runs `az keyvault certificate create` when the certificate does not exist yet). Key Vault
// exposes it to the auth container app as the secret of the same name (base64 PFX). Rotation: docs/deploy.md.
param location string
param tags object
param resourceToken string
param keyVaultName string
param certificateName string

var certificatesOfficerRoleId = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

// A separate identity for the script, so the apps' identity never gets certificate-management rights.
resource scriptIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-certs-${resourceToken}'
  location: location
  tags: tags
}

resource scriptManagesCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, scriptIdentity.id, certificatesOfficerRoleId)
  scope: vault
  properties: {
    principalId: scriptIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', certificatesOfficerRoleId)
  }
}

resource createIfMissing 'Microsoft.Resources/deploymentScripts@2023-08-01' = {
  name: 'create-${certificateName}'
  location: location
  tags: tags
  kind: 'AzureCLI'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${scriptIdentity.id}': {}
    }
  }
  properties: {
    azCliVersion: '2.63.0'
    retentionInterval: 'PT1H'
    cleanupPreference: 'Always'
    timeout: 'PT10M'
    environmentVariables: [
      {
        name: 'VAULT'
        value: keyVaultName
      }
      {
        name: 'CERT'
        value: certificateName
      }
    ]
    // Idempotent: an existing certificate (and so every rotation an operator made) is left alone.
    scriptContent: '''
      set -e
      if az keyvault certificate show --vault-name "$VAULT" --name "$CERT" >/dev/null 2>&1; then
        echo "certificate $CERT exists"
      else
        az keyvault certificate get-default-policy > policy.json
        az keyvault certificate create --vault-name "$VAULT" --name "$CERT" --policy @policy.json >/dev/null
        echo "certificate $CERT created"
      fi
    '''
  }
  dependsOn: [
    scriptManagesCertificates
  ]
}

output secretName string = certificateName

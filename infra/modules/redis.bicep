// Azure Cache for Redis: the HybridCache second level and the carts. TLS only; the access key lives in Key Vault.
param location string
param tags object
param resourceToken string

@description('Basic C0 is the smallest cache (no SLA, no replica); Standard C1 for production.')
param skuName string = 'Basic'
param skuFamily string = 'C'
param skuCapacity int = 0

resource redis 'Microsoft.Cache/redis@2024-03-01' = {
  name: 'redis-${resourceToken}'
  location: location
  tags: tags
  properties: {
    sku: {
      name: skuName
      family: skuFamily
      capacity: skuCapacity
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    redisConfiguration: {
      // Carts and cache entries carry TTLs; evict those first when memory is short.
      'maxmemory-policy': 'volatile-lru'
    }
  }
}

output name string = redis.name
output hostName string = redis.properties.hostName

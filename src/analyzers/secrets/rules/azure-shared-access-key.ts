import { secretRule } from '../secret-rule.js';

export const azureSharedAccessKey = secretRule({
  id: 'secret.azure-shared-access-key',
  title: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
  severity: 'high',
  what: 'Finds connection strings with SharedAccessKeyName=…;SharedAccessKey=… (Service Bus, Event Hubs, IoT Hub, Relay).',
  why:
    'The key signs tokens for its policy: with a RootManageSharedAccessKey anyone can read, inject or delete the ' +
    'events a streaming pipeline consumes.',
  remediation: 'Regenerate the policy\'s keys, prefer Entra ID authentication with a managed identity, and keep any remaining key in Key Vault.',
  anchors: ['sharedaccesskey='],
  pattern: /SharedAccessKeyName=[^;\s"']+;SharedAccessKey=(?<secret>[A-Za-z0-9+/]{42,44}=?)/,
  bad: [
    {
      file: 'streaming/consumer.py',
      code: 'CONN = "Endpoint=sb://acme-events.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=vGJ56AhkOdtVp933K2xwDGLoue5QmYDDyptswAIlN1r="\n',
    },
  ],
  good: [{ file: 'streaming/consumer.py', code: 'client = EventHubConsumerClient(namespace, hub, credential=DefaultAzureCredential(), consumer_group="$Default")\n' }],
  references: ['https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas', 'https://cwe.mitre.org/data/definitions/798.html'],
});

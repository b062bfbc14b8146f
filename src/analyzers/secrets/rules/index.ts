import type { SecretRule } from '../secret-rule.js';
import { adoNetConnectionString } from './ado-net-connection-string.js';
import { ageSecretKey } from './age-secret-key.js';
import { airflowConnectionJson } from './airflow-connection-json.js';
import { airflowConnectionUri } from './airflow-connection-uri.js';
import { airflowFernetKey } from './airflow-fernet-key.js';
import { amqpUrl } from './amqp-url.js';
import { anthropicApiKey } from './anthropic-api-key.js';
import { awsAccessKey } from './aws-access-key.js';
import { awsSecretAccessKey } from './aws-secret-access-key.js';
import { awsSessionToken } from './aws-session-token.js';
import { azureClientSecret } from './azure-client-secret.js';
import { azureCosmosdbConnectionString } from './azure-cosmosdb-connection-string.js';
import { azureSasToken } from './azure-sas-token.js';
import { azureSharedAccessKey } from './azure-shared-access-key.js';
import { azureStorageAccountKey } from './azure-storage-account-key.js';
import { azureStorageConnectionString } from './azure-storage-connection-string.js';
import { basicAuthHeader } from './basic-auth-header.js';
import { basicAuthUrl } from './basic-auth-url.js';
import { bearerToken } from './bearer-token.js';
import { clickhouseUrl } from './clickhouse-url.js';
import { clickhouseUsersPassword } from './clickhouse-users-password.js';
import { cloudformationParameterDefault } from './cloudformation-parameter-default.js';
import { confluentApiSecret } from './confluent-api-secret.js';
import { databricksToken } from './databricks-token.js';
import { datadogApiKey } from './datadog-api-key.js';
import { digitaloceanToken } from './digitalocean-token.js';
import { dockerConfigAuth } from './docker-config-auth.js';
import { dockerhubToken } from './dockerhub-token.js';
import { gcpApiKey } from './gcp-api-key.js';
import { gcpOauthClientSecret } from './gcp-oauth-client-secret.js';
import { gcpServiceAccountKey } from './gcp-service-account-key.js';
import { genericPassword } from './generic-password.js';
import { genericSecret } from './generic-secret.js';
import { githubAppToken } from './github-app-token.js';
import { githubFineGrainedToken } from './github-fine-grained-token.js';
import { githubOauthToken } from './github-oauth-token.js';
import { githubPersonalAccessToken } from './github-personal-access-token.js';
import { githubRefreshToken } from './github-refresh-token.js';
import { gitlabDeployToken } from './gitlab-deploy-token.js';
import { gitlabPersonalAccessToken } from './gitlab-personal-access-token.js';
import { gitlabPipelineTriggerToken } from './gitlab-pipeline-trigger-token.js';
import { gitlabRunnerToken } from './gitlab-runner-token.js';
import { huggingfaceToken } from './huggingface-token.js';
import { jdbcUrl } from './jdbc-url.js';
import { jwt } from './jwt.js';
import { kafkaJaasPassword } from './kafka-jaas-password.js';
import { kafkaSaslPassword } from './kafka-sasl-password.js';
import { kubernetesEnvSecret } from './kubernetes-env-secret.js';
import { linearApiKey } from './linear-api-key.js';
import { mongodbUrl } from './mongodb-url.js';
import { mysqlUrl } from './mysql-url.js';
import { npmToken } from './npm-token.js';
import { npmrcAuthToken } from './npmrc-auth-token.js';
import { onepasswordServiceAccountToken } from './onepassword-service-account-token.js';
import { openaiApiKey } from './openai-api-key.js';
import { opensshPrivateKey } from './openssh-private-key.js';
import { pgpPrivateKey } from './pgp-private-key.js';
import { postgresUrl } from './postgres-url.js';
import { libpqConninfo } from './libpq-conninfo.js';
import { authTuple } from './auth-tuple.js';
import { privateKey } from './private-key.js';
import { puttyPrivateKey } from './putty-private-key.js';
import { pypiToken } from './pypi-token.js';
import { redisUrl } from './redis-url.js';
import { schemaRegistryAuth } from './schema-registry-auth.js';
import { sendgridApiKey } from './sendgrid-api-key.js';
import { shopifyToken } from './shopify-token.js';
import { slackAppToken } from './slack-app-token.js';
import { slackToken } from './slack-token.js';
import { slackWebhook } from './slack-webhook.js';
import { snowflakePassword } from './snowflake-password.js';
import { sqlRolePassword } from './sql-role-password.js';
import { snowflakeUrl } from './snowflake-url.js';
import { stripeSecretKey } from './stripe-secret-key.js';
import { stripeWebhookSecret } from './stripe-webhook-secret.js';
import { telegramBotToken } from './telegram-bot-token.js';
import { terraformVariableDefault } from './terraform-variable-default.js';
import { twilioApiKey } from './twilio-api-key.js';
import { twilioAuthToken } from './twilio-auth-token.js';

/** Every secret detector; the scanner's prefilter decides which of them run on a file. */
export const secretRules: SecretRule[] = [
  adoNetConnectionString,
  ageSecretKey,
  airflowConnectionJson,
  airflowConnectionUri,
  airflowFernetKey,
  amqpUrl,
  anthropicApiKey,
  awsAccessKey,
  awsSecretAccessKey,
  awsSessionToken,
  azureClientSecret,
  azureCosmosdbConnectionString,
  azureSasToken,
  azureSharedAccessKey,
  azureStorageAccountKey,
  azureStorageConnectionString,
  basicAuthHeader,
  basicAuthUrl,
  bearerToken,
  clickhouseUrl,
  clickhouseUsersPassword,
  cloudformationParameterDefault,
  confluentApiSecret,
  databricksToken,
  datadogApiKey,
  digitaloceanToken,
  dockerConfigAuth,
  dockerhubToken,
  gcpApiKey,
  gcpOauthClientSecret,
  gcpServiceAccountKey,
  genericPassword,
  genericSecret,
  githubAppToken,
  githubFineGrainedToken,
  githubOauthToken,
  githubPersonalAccessToken,
  githubRefreshToken,
  gitlabDeployToken,
  gitlabPersonalAccessToken,
  gitlabPipelineTriggerToken,
  gitlabRunnerToken,
  huggingfaceToken,
  jdbcUrl,
  jwt,
  kafkaJaasPassword,
  kafkaSaslPassword,
  kubernetesEnvSecret,
  linearApiKey,
  mongodbUrl,
  mysqlUrl,
  npmToken,
  npmrcAuthToken,
  onepasswordServiceAccountToken,
  openaiApiKey,
  opensshPrivateKey,
  pgpPrivateKey,
  postgresUrl,
  libpqConninfo,
  authTuple,
  privateKey,
  puttyPrivateKey,
  pypiToken,
  redisUrl,
  schemaRegistryAuth,
  sendgridApiKey,
  shopifyToken,
  slackAppToken,
  slackToken,
  slackWebhook,
  snowflakePassword,
  snowflakeUrl,
  sqlRolePassword,
  stripeSecretKey,
  stripeWebhookSecret,
  telegramBotToken,
  terraformVariableDefault,
  twilioApiKey,
  twilioAuthToken,
];

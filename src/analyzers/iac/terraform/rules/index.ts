import type { CloudRule } from '../../cloud-rules/rule.js';
import { tfAthenaResultsUnencrypted } from './athena-results-unencrypted.js';
import { tfAzureDbFirewallOpen } from './azure-db-firewall-open.js';
import { tfAzureStoragePublic } from './azure-storage-public.js';
import { tfBigqueryNoCmek } from './bigquery-no-cmek.js';
import { tfBigqueryPublic } from './bigquery-public.js';
import { tfDatabricksNoCmk } from './databricks-no-cmk.js';
import { tfDbBackupsDisabled } from './db-backups-disabled.js';
import { tfDmsEndpointNoSsl } from './dms-endpoint-no-ssl.js';
import { tfDmsPublic } from './dms-public.js';
import { tfEbsNoEncryption } from './ebs-no-encryption.js';
import { tfEmrNoEncryption } from './emr-no-encryption.js';
import { tfFirehoseNoEncryption } from './firehose-no-encryption.js';
import { tfGcpSqlPublic } from './gcp-sql-public.js';
import { tfGcsNoCmek } from './gcs-no-cmek.js';
import { tfGcsPublic } from './gcs-public.js';
import { tfGlueNoSecurityConfiguration } from './glue-no-security-configuration.js';
import { tfGlueSecurityConfigurationDisabled } from './glue-security-configuration-disabled.js';
import { tfKinesisNoEncryption } from './kinesis-no-encryption.js';
import { tfKmsNoRotation } from './kms-no-rotation.js';
import { tfLbHttpListener } from './lb-http-listener.js';
import { tfMskPlaintext } from './msk-plaintext.js';
import { tfMwaaNoKms } from './mwaa-no-kms.js';
import { tfMwaaPublic } from './mwaa-public-webserver.js';
import { tfRdsNoEncryption } from './rds-no-encryption.js';
import { tfDbPublic } from './rds-public.js';
import { tfRedshiftNoEncryption } from './redshift-no-encryption.js';
import { tfS3NoEncryption } from './s3-no-encryption.js';
import { tfS3NoLogging } from './s3-no-logging.js';
import { tfS3NoSecureTransport } from './s3-no-secure-transport.js';
import { tfS3NoVersioning } from './s3-no-versioning.js';
import { tfS3PublicAccessBlock } from './s3-public-access-block.js';
import { tfS3PublicAcl } from './s3-public-acl.js';
import { tfS3PublicPolicy } from './s3-public-policy.js';
import { tfServerTlsNotEnforced } from './server-tls-not-enforced.js';
import { tfSagemakerDirectInternet } from './sagemaker-direct-internet.js';
import { tfSagemakerNotebookNoKms } from './sagemaker-notebook-no-kms.js';
import { tfSagemakerRootAccess } from './sagemaker-root-access.js';
import { tfSgOpenAdminPort } from './sg-open-admin-port.js';
import { tfSgOpenDataPort } from './sg-open-data-port.js';
import { tfSnsNoEncryption } from './sns-no-encryption.js';
import { tfSqsNoEncryption } from './sqs-no-encryption.js';
import { tfSslmodeDisabled } from './sslmode-disabled.js';

/** Every Terraform rule; a new one is a module in this folder and one line here. */
export const terraformRules: CloudRule[] = [
  tfAthenaResultsUnencrypted,
  tfAzureDbFirewallOpen,
  tfAzureStoragePublic,
  tfBigqueryNoCmek,
  tfBigqueryPublic,
  tfDatabricksNoCmk,
  tfDbBackupsDisabled,
  tfDmsEndpointNoSsl,
  tfDmsPublic,
  tfEbsNoEncryption,
  tfEmrNoEncryption,
  tfFirehoseNoEncryption,
  tfGcpSqlPublic,
  tfGcsNoCmek,
  tfGcsPublic,
  tfGlueNoSecurityConfiguration,
  tfGlueSecurityConfigurationDisabled,
  tfKinesisNoEncryption,
  tfKmsNoRotation,
  tfLbHttpListener,
  tfMskPlaintext,
  tfMwaaNoKms,
  tfMwaaPublic,
  tfRdsNoEncryption,
  tfDbPublic,
  tfRedshiftNoEncryption,
  tfS3NoEncryption,
  tfS3NoLogging,
  tfS3NoSecureTransport,
  tfS3NoVersioning,
  tfS3PublicAccessBlock,
  tfS3PublicAcl,
  tfS3PublicPolicy,
  tfSagemakerDirectInternet,
  tfServerTlsNotEnforced,
  tfSagemakerNotebookNoKms,
  tfSagemakerRootAccess,
  tfSgOpenAdminPort,
  tfSgOpenDataPort,
  tfSnsNoEncryption,
  tfSqsNoEncryption,
  tfSslmodeDisabled,
];

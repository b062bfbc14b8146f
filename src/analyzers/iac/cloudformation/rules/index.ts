import type { CloudRule } from '../../cloud-rules/rule.js';
import { cfnAthenaResultsUnencrypted } from './athena-results-unencrypted.js';
import { cfnConnectionNoTls } from './connection-no-tls.js';
import { cfnDbBackupsDisabled } from './db-backups-disabled.js';
import { cfnDbPublic } from './db-publicly-accessible.js';
import { cfnDmsEndpointNoSsl } from './dms-endpoint-no-ssl.js';
import { cfnDmsPublic } from './dms-publicly-accessible.js';
import { cfnEbsNoEncryption } from './ebs-no-encryption.js';
import { cfnEmrNoEncryption } from './emr-no-encryption.js';
import { cfnFirehoseNoEncryption } from './firehose-no-encryption.js';
import { cfnGlueEncryptionDisabled } from './glue-encryption-disabled.js';
import { cfnGlueNoSecurityConfiguration } from './glue-no-security-configuration.js';
import { cfnKinesisNoEncryption } from './kinesis-no-encryption.js';
import { cfnKmsNoRotation } from './kms-no-rotation.js';
import { cfnLbHttpListener } from './lb-http-listener.js';
import { cfnMskPlaintext } from './msk-plaintext.js';
import { cfnMwaaNoKms } from './mwaa-no-kms.js';
import { cfnMwaaPublic } from './mwaa-public-webserver.js';
import { cfnOpenAdminPort } from './network-open-admin-port.js';
import { cfnOpenDatabasePort } from './network-open-database-port.js';
import { cfnRdsNoEncryption } from './rds-no-encryption.js';
import { cfnRedshiftNoEncryption } from './redshift-no-encryption.js';
import { cfnS3NoEncryption } from './s3-no-encryption.js';
import { cfnS3NoLogging } from './s3-no-logging.js';
import { cfnS3NoSecureTransport } from './s3-no-secure-transport.js';
import { cfnS3NoVersioning } from './s3-no-versioning.js';
import { cfnS3PublicAccessBlock } from './s3-public-access-block.js';
import { cfnS3PublicAcl } from './s3-public-acl.js';
import { cfnS3PublicPolicy } from './s3-public-policy.js';
import { cfnSagemakerDirectInternet } from './sagemaker-direct-internet.js';
import { cfnSagemakerNotebookNoKms } from './sagemaker-notebook-no-kms.js';
import { cfnSagemakerRootAccess } from './sagemaker-root-access.js';
import { cfnSnsNoEncryption } from './sns-no-encryption.js';
import { cfnSqsNoEncryption } from './sqs-no-encryption.js';

/** Every CloudFormation rule; a new one is a module in this folder and one line here. */
export const cloudFormationRules: CloudRule[] = [
  cfnAthenaResultsUnencrypted,
  cfnConnectionNoTls,
  cfnDbBackupsDisabled,
  cfnDbPublic,
  cfnDmsEndpointNoSsl,
  cfnDmsPublic,
  cfnEbsNoEncryption,
  cfnEmrNoEncryption,
  cfnFirehoseNoEncryption,
  cfnGlueEncryptionDisabled,
  cfnGlueNoSecurityConfiguration,
  cfnKinesisNoEncryption,
  cfnKmsNoRotation,
  cfnLbHttpListener,
  cfnMskPlaintext,
  cfnMwaaNoKms,
  cfnMwaaPublic,
  cfnOpenAdminPort,
  cfnOpenDatabasePort,
  cfnRdsNoEncryption,
  cfnRedshiftNoEncryption,
  cfnS3NoEncryption,
  cfnS3NoLogging,
  cfnS3NoSecureTransport,
  cfnS3NoVersioning,
  cfnS3PublicAccessBlock,
  cfnS3PublicAcl,
  cfnS3PublicPolicy,
  cfnSagemakerDirectInternet,
  cfnSagemakerNotebookNoKms,
  cfnSagemakerRootAccess,
  cfnSnsNoEncryption,
  cfnSqsNoEncryption,
];

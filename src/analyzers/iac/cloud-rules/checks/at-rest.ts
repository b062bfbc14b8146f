import type { Severity } from '../../../../core/finding.js';
import type { CheckDocs } from '../rule.js';

/** Docs of a missing-encryption-at-rest check; every one shares its CWE and its shape. */
function atRest(spec: { title: string; what: string; why: string; remediation: string; reference: string; severity?: Severity }): CheckDocs {
  return {
    title: spec.title,
    severity: spec.severity ?? 'medium',
    confidence: 'high',
    cwe: ['CWE-311'],
    what: spec.what,
    why: spec.why,
    remediation: spec.remediation,
    references: [spec.reference, 'https://cwe.mitre.org/data/definitions/311.html'],
  };
}

export const RDS_NO_ENCRYPTION = atRest({
  title: 'Database storage is not encrypted',
  severity: 'high',
  what: 'Finds RDS instances, Aurora and DocumentDB clusters whose storage encryption is off (the default).',
  why: 'The warehouse or feature store holds the pipeline’s output in one place; unencrypted storage, snapshots and replicas expose it to anyone who gets a snapshot shared or a volume copied. Encryption cannot be switched on later without a restore.',
  remediation: 'Set storage encryption on (storage_encrypted / StorageEncrypted) with a customer-managed KMS key.',
  reference: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
});

export const REDSHIFT_NO_ENCRYPTION = atRest({
  title: 'Redshift cluster is not encrypted',
  severity: 'high',
  what: 'Finds Redshift clusters that do not turn encryption on (off by default for templates and for AWS provider versions before 6).',
  why: 'A Redshift cluster is where the cleaned data ends up; without encryption its blocks and snapshots are readable by whoever obtains them.',
  remediation: 'Set encrypted = true (Encrypted: true) with a customer-managed KMS key.',
  reference: 'https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html',
});

export const EBS_NO_ENCRYPTION = atRest({
  title: 'EBS volume is not encrypted',
  what: 'Finds EBS volumes and instance or launch-template block devices with encryption off, unless the module turns on EBS encryption by default.',
  why: 'Workers stage downloads, spill files and caches on these volumes; unencrypted volumes and their snapshots carry that data in the clear.',
  remediation: 'Set encrypted on each volume or block device, or enable EBS encryption by default for the account and region.',
  reference: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
});

export const KINESIS_NO_ENCRYPTION = atRest({
  title: 'Kinesis stream is not encrypted',
  what: 'Finds Kinesis data streams without server-side encryption (KMS).',
  why: 'Streams buffer every event for up to a year; without encryption the records sit unprotected in the service’s storage.',
  remediation: 'Set encryption_type = "KMS" (StreamEncryption with EncryptionType KMS) and a KMS key.',
  reference: 'https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html',
});

export const SQS_NO_ENCRYPTION = atRest({
  title: 'SQS queue encryption is turned off',
  what: 'Finds queues that switch SQS-managed encryption off and name no KMS key.',
  why: 'Queues carry work items that often include record payloads or object keys; with encryption off they are stored in the clear.',
  remediation: 'Leave SQS-managed SSE on or set a KMS key (kms_master_key_id / KmsMasterKeyId).',
  reference: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
});

export const SNS_NO_ENCRYPTION = atRest({
  title: 'SNS topic is not encrypted',
  what: 'Finds SNS topics without a KMS key.',
  why: 'Pipeline notifications carry run metadata, object keys and sometimes records; SNS does not encrypt stored messages unless a key is set.',
  remediation: 'Set kms_master_key_id (KmsMasterKeyId) to a KMS key.',
  reference: 'https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html',
});

export const GLUE_NO_SECURITY_CONFIGURATION = atRest({
  title: 'Glue job or crawler runs without a security configuration',
  what: 'Finds Glue jobs and crawlers that name no security configuration.',
  why: 'Without one, the data a job writes to S3, its CloudWatch logs and its job bookmarks are not encrypted with your key.',
  remediation: 'Create a Glue security configuration with SSE-KMS for S3, CloudWatch and job bookmarks, and name it on every job and crawler.',
  reference: 'https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html',
});

export const GLUE_SECURITY_CONFIGURATION_DISABLED = atRest({
  title: 'Glue security configuration leaves encryption disabled',
  what: 'Finds Glue security configurations whose S3, CloudWatch or job-bookmark encryption mode is DISABLED or not set.',
  why: 'A security configuration that disables a mode gives a false sense of protection: jobs using it still write that data unencrypted.',
  remediation: 'Set S3 encryption to SSE-KMS, CloudWatch encryption to SSE-KMS and job bookmarks to CSE-KMS, with a KMS key.',
  reference: 'https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html',
});

export const EMR_NO_ENCRYPTION = atRest({
  title: 'EMR cluster is not encrypted',
  what: 'Finds EMR clusters without a security configuration, and security configurations that turn at-rest or in-transit encryption off.',
  why: 'EMR clusters hold the intermediate data of Spark and Hive jobs on local disks, HDFS and EMRFS; without a security configuration none of it is encrypted.',
  remediation: 'Create an EMR security configuration with EnableAtRestEncryption and EnableInTransitEncryption true, and reference it from the cluster.',
  reference: 'https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-data-encryption.html',
});

export const SAGEMAKER_NOTEBOOK_NO_KMS = atRest({
  title: 'SageMaker notebook volume is not encrypted with a KMS key',
  what: 'Finds SageMaker notebook instances without a KMS key for their storage volume.',
  why: 'Notebooks keep samples of training data, credentials and outputs on their volume; a customer-managed key controls who can read it.',
  remediation: 'Set kms_key_id (KmsKeyId) to a customer-managed KMS key.',
  reference: 'https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html',
});

export const ATHENA_RESULTS_UNENCRYPTED = atRest({
  title: 'Athena query results are not encrypted',
  what: 'Finds Athena workgroups whose result configuration does not encrypt query results.',
  why: 'Athena writes every query result set to S3; without encryption those copies of the queried data are stored in the clear.',
  remediation: 'Set an encryption configuration (SSE_KMS or CSE_KMS) on the workgroup’s result configuration and enforce the workgroup configuration.',
  reference: 'https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html',
});

export const FIREHOSE_NO_ENCRYPTION = atRest({
  title: 'Firehose delivery stream is not encrypted',
  what: 'Finds direct-put Firehose delivery streams without server-side encryption (streams reading from Kinesis inherit the source’s encryption).',
  why: 'Firehose buffers records before delivering them; without encryption the buffered data is not protected by your key.',
  remediation: 'Enable server-side encryption on the delivery stream with a KMS key.',
  reference: 'https://docs.aws.amazon.com/firehose/latest/dev/encryption.html',
});

export const MWAA_NO_KMS = atRest({
  title: 'MWAA environment does not use a customer-managed key',
  severity: 'low',
  what: 'Finds Managed Airflow environments without a KMS key.',
  why: 'Airflow’s metadata database stores connections, variables and XCom values (often credentials and data samples). Without your own key they are encrypted with an AWS-owned key you cannot audit or revoke.',
  remediation: 'Set kms_key (KmsKey) to a customer-managed KMS key when creating the environment.',
  reference: 'https://docs.aws.amazon.com/mwaa/latest/userguide/encryption-at-rest.html',
});

export const GCS_NO_CMEK = atRest({
  title: 'GCS bucket does not use a customer-managed encryption key',
  severity: 'low',
  what: 'Finds Cloud Storage buckets without a default KMS key.',
  why: 'Google-managed keys protect against stolen disks but not against misuse within the project; CMEK lets you audit and revoke decryption of the datasets.',
  remediation: 'Add an encryption block with default_kms_key_name.',
  reference: 'https://cloud.google.com/storage/docs/encryption/customer-managed-keys',
});

export const BIGQUERY_NO_CMEK = atRest({
  title: 'BigQuery dataset does not use a customer-managed encryption key',
  severity: 'low',
  what: 'Finds BigQuery datasets without a default KMS key.',
  why: 'Tables in the dataset are then encrypted with Google-managed keys you cannot audit or revoke.',
  remediation: 'Add default_encryption_configuration with kms_key_name.',
  reference: 'https://cloud.google.com/bigquery/docs/customer-managed-encryption',
});

export const DATABRICKS_NO_CMK = atRest({
  title: 'Databricks workspace storage does not use a customer-managed key',
  severity: 'low',
  what: 'Finds Databricks workspaces (Azure or AWS account API) whose storage is not encrypted with a customer-managed key.',
  why: 'The workspace storage holds DBFS data, notebook results and cluster disks; with a customer-managed key you control who can decrypt them.',
  remediation: 'Enable customer-managed keys for workspace storage and managed services (customer_managed_key_enabled, storage_customer_managed_key_id).',
  reference: 'https://docs.databricks.com/en/security/keys/customer-managed-keys.html',
});

import type { CheckDocs } from '../rule.js';

export const DB_PUBLIC: CheckDocs = {
  title: 'Database or warehouse is publicly accessible',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-284'],
  what: 'Finds RDS instances, Redshift clusters and Redshift Serverless workgroups with public accessibility turned on.',
  why: 'A public endpoint puts the warehouse one leaked or guessed password away from the internet and exposes it to brute force and database CVEs; pipelines reach it from inside the VPC anyway.',
  remediation: 'Set publicly_accessible (PubliclyAccessible) to false and reach the database through private subnets, a VPN or a bastion.',
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html', 'https://cwe.mitre.org/data/definitions/284.html'],
};

export const DMS_PUBLIC: CheckDocs = {
  ...DB_PUBLIC,
  title: 'DMS replication instance is publicly accessible',
  what: 'Finds DMS replication instances that are public; DMS makes them public unless told otherwise.',
  why: 'A replication instance holds credentials to both source and target databases and streams every row between them; a public address exposes it to the internet.',
  remediation: 'Set publicly_accessible (PubliclyAccessible) to false and place the instance in private subnets.',
  references: ['https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html', 'https://cwe.mitre.org/data/definitions/284.html'],
};

export const MWAA_PUBLIC: CheckDocs = {
  ...DB_PUBLIC,
  severity: 'medium',
  title: 'MWAA Airflow web server is reachable from the internet',
  what: 'Finds Managed Airflow environments whose web server access mode is PUBLIC_ONLY.',
  why: 'The Airflow UI can trigger DAGs, read connections and variables, and edit them; exposing it to the internet leaves only the login between attackers and the pipeline.',
  remediation: 'Use webserver_access_mode PRIVATE_ONLY (WebserverAccessMode) and reach the UI through the VPC.',
  references: ['https://docs.aws.amazon.com/mwaa/latest/userguide/configuring-networking.html', 'https://cwe.mitre.org/data/definitions/284.html'],
};

export const SAGEMAKER_ROOT_ACCESS: CheckDocs = {
  title: 'SageMaker notebook gives users root access',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds notebook instances with root access enabled (the default).',
  why: 'Root on the notebook lets any user change its software and lifecycle, read other users’ files and the instance role’s credentials, and persist tooling across sessions.',
  remediation: 'Set root_access = "Disabled" (RootAccess: Disabled) and install packages through lifecycle configurations.',
  references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html', 'https://cwe.mitre.org/data/definitions/250.html'],
};

export const SAGEMAKER_DIRECT_INTERNET: CheckDocs = {
  title: 'SageMaker notebook has direct internet access',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-668'],
  what: 'Finds notebook instances with direct internet access enabled (the default).',
  why: 'Direct internet access bypasses the VPC’s egress controls: a notebook that holds training data can send it anywhere, and code pulled from anywhere runs next to it.',
  remediation: 'Set direct_internet_access = "Disabled" (DirectInternetAccess: Disabled), attach the notebook to a private subnet and reach the internet, if at all, through a NAT gateway or proxy.',
  references: ['https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html', 'https://cwe.mitre.org/data/definitions/668.html'],
};

/** GCP members that mean "anyone" and "anyone with a Google account". */
export const GCP_PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];

export function namesPublicMember(text: string): boolean {
  return GCP_PUBLIC_MEMBERS.some((m) => text === m || text.endsWith(`:${m}`) || text.startsWith(`${m}:`) || text === `group:${m}`);
}

export const GCS_PUBLIC: CheckDocs = {
  title: 'GCS bucket is readable by allUsers or allAuthenticatedUsers',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds IAM members, bindings and ACL entries that grant a Cloud Storage bucket (or its objects) to allUsers or allAuthenticatedUsers.',
  why: 'allUsers is anyone on the internet and allAuthenticatedUsers is anyone with any Google account; either publishes the bucket’s datasets.',
  remediation: 'Grant roles to specific service accounts or groups and enforce public access prevention on the bucket.',
  references: ['https://cloud.google.com/storage/docs/public-access-prevention', 'https://cwe.mitre.org/data/definitions/732.html'],
};

export const BIGQUERY_PUBLIC: CheckDocs = {
  ...GCS_PUBLIC,
  title: 'BigQuery dataset or table is shared with allUsers or allAuthenticatedUsers',
  what: 'Finds BigQuery dataset access entries, dataset or table IAM members and bindings that name allUsers or allAuthenticatedUsers.',
  why: 'Anyone on the internet (or with any Google account) can then query the tables, and the queries are billed to whoever runs them — the data is simply public.',
  remediation: 'Share datasets with specific groups or service accounts; use authorized views for narrow sharing.',
  references: ['https://cloud.google.com/bigquery/docs/control-access-to-resources-iam', 'https://cwe.mitre.org/data/definitions/732.html'],
};

export const KMS_NO_ROTATION: CheckDocs = {
  title: 'KMS key rotation is not enabled',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-320'],
  what: 'Finds symmetric AWS KMS keys without automatic rotation (off by default) and Cloud KMS keys without a rotation period.',
  why: 'Keys that never rotate protect ever more data with the same material, so one compromise exposes everything it ever encrypted; most compliance regimes require yearly rotation.',
  remediation: 'Set enable_key_rotation = true (EnableKeyRotation: true) on AWS keys and a rotation_period on Cloud KMS crypto keys.',
  references: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html', 'https://cwe.mitre.org/data/definitions/320.html'],
};

export const DB_BACKUPS_DISABLED: CheckDocs = {
  title: 'Automated database backups are turned off',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-693'],
  what: 'Finds RDS instances with a backup retention period of 0 and Redshift clusters with an automated snapshot retention of 0.',
  why: 'With retention 0 there is no point-in-time recovery: a bad load, a dropped table or ransomware in the warehouse is permanent.',
  remediation: 'Keep automated backups for at least 7 days (backup_retention_period / BackupRetentionPeriod, automated_snapshot_retention_period).',
  references: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
};

export const AZURE_STORAGE_PUBLIC: CheckDocs = {
  title: 'Azure storage container is public, or its account lets containers be made public',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-732'],
  what:
    'Finds `azurerm_storage_container`s whose `container_access_type` is `blob` or `container` (anonymous reads), and ' +
    'storage accounts that allow it: `allow_nested_items_to_be_public` true or left at its default, which is true, or ' +
    'the older `allow_blob_public_access = true`.',
  why:
    'An anonymous container serves every blob — landing files, exports, model artifacts — to anyone who guesses the ' +
    'URL, and `container` access also lists them. An account that allows it is one setting away from that.',
  remediation:
    'Keep containers private (the default) and set allow_nested_items_to_be_public = false on the account; share ' +
    'data with SAS tokens or Entra ID roles instead.',
  references: ['https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent', 'https://cwe.mitre.org/data/definitions/732.html'],
};

export const AZURE_DB_FIREWALL_OPEN: CheckDocs = {
  title: 'Azure database firewall rule lets in the whole internet or every Azure customer',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-284'],
  what:
    'Finds firewall rules of Azure SQL, PostgreSQL, MySQL, MariaDB and Synapse servers whose range runs from 0.0.0.0 ' +
    'to 255.255.255.255 (every address), and the 0.0.0.0–0.0.0.0 rule that admits every Azure service (medium).',
  why:
    'An open range puts the warehouse one password away from the internet and its brute-force traffic. The "allow ' +
    'Azure services" rule admits connections from any Azure tenant\'s resources, not only this pipeline\'s.',
  remediation: 'Reach the server through a private endpoint or virtual network rules, and list only the pipeline\'s egress addresses.',
  references: ['https://learn.microsoft.com/azure/azure-sql/database/firewall-configure', 'https://cwe.mitre.org/data/definitions/284.html'],
};

export const GCP_SQL_PUBLIC: CheckDocs = {
  ...DB_PUBLIC,
  title: 'Cloud SQL instance admits connections from the whole internet',
  what: 'Finds Cloud SQL instances whose `authorized_networks` include 0.0.0.0/0 or ::/0.',
  why: 'The instance\'s public address then takes connections from anyone: it is one leaked or guessed password away, and exposed to brute force and database CVEs.',
  remediation: 'Turn off the public address (ipv4_enabled = false) and connect through a private network or the Cloud SQL Auth Proxy; authorize only the pipeline\'s egress ranges otherwise.',
  references: ['https://cloud.google.com/sql/docs/postgres/authorize-networks', 'https://cwe.mitre.org/data/definitions/284.html'],
};


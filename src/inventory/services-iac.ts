import type { ServiceHit, ServiceKind, ServiceProvider } from './services.js';
import { parseTerraformJson } from '../analyzers/iac/terraform/parse-tf-json.js';
import { entriesOf, literalString, parseNodeTree, valueAt } from './structured.js';

/** What a resource type is, which attribute names it, and the URI scheme its name is reached by. */
interface ResourceSpec {
  kind: ServiceKind;
  /** Attribute (dotted for nested CloudFormation properties) that holds the service's own name. */
  nameFrom?: string;
  scheme?: string;
}

// Terraform's `name` is the common case; only the exceptions spell their attribute.
const TERRAFORM: Record<string, ResourceSpec> = {
  aws_s3_bucket: { kind: 'bucket', nameFrom: 'bucket', scheme: 's3' },
  aws_db_instance: { kind: 'database', nameFrom: 'identifier' },
  aws_rds_cluster: { kind: 'database', nameFrom: 'cluster_identifier' },
  aws_dynamodb_table: { kind: 'database' },
  aws_glue_catalog_database: { kind: 'database' },
  aws_redshift_cluster: { kind: 'warehouse', nameFrom: 'cluster_identifier' },
  aws_athena_database: { kind: 'warehouse' },
  aws_sqs_queue: { kind: 'queue' },
  aws_sns_topic: { kind: 'topic' },
  aws_kinesis_stream: { kind: 'stream' },
  aws_kinesis_firehose_delivery_stream: { kind: 'stream' },
  aws_msk_cluster: { kind: 'stream', nameFrom: 'cluster_name' },
  aws_elasticache_cluster: { kind: 'cache', nameFrom: 'cluster_id' },
  aws_elasticache_replication_group: { kind: 'cache', nameFrom: 'replication_group_id' },
  aws_efs_file_system: { kind: 'filesystem', nameFrom: 'creation_token' },
  google_storage_bucket: { kind: 'bucket', scheme: 'gs' },
  google_bigquery_dataset: { kind: 'warehouse', nameFrom: 'dataset_id' },
  google_bigquery_table: { kind: 'warehouse', nameFrom: 'table_id' },
  google_sql_database_instance: { kind: 'database' },
  google_pubsub_topic: { kind: 'topic' },
  google_pubsub_subscription: { kind: 'queue' },
  google_redis_instance: { kind: 'cache' },
  google_filestore_instance: { kind: 'filesystem' },
  azurerm_storage_account: { kind: 'bucket' },
  azurerm_storage_container: { kind: 'bucket' },
  azurerm_storage_data_lake_gen2_filesystem: { kind: 'filesystem' },
  azurerm_mssql_server: { kind: 'database' },
  azurerm_mssql_database: { kind: 'database' },
  azurerm_postgresql_flexible_server: { kind: 'database' },
  azurerm_cosmosdb_account: { kind: 'database' },
  azurerm_synapse_workspace: { kind: 'warehouse' },
  azurerm_servicebus_queue: { kind: 'queue' },
  azurerm_servicebus_topic: { kind: 'topic' },
  azurerm_eventhub: { kind: 'stream' },
  azurerm_redis_cache: { kind: 'cache' },
  snowflake_database: { kind: 'warehouse' },
  snowflake_schema: { kind: 'warehouse' },
  databricks_catalog: { kind: 'warehouse' },
  databricks_schema: { kind: 'warehouse' },
  databricks_sql_table: { kind: 'warehouse' },
  databricks_external_location: { kind: 'bucket' },
};

const TERRAFORM_PROVIDERS: Record<string, ServiceProvider> = { aws: 'aws', google: 'gcp', azurerm: 'azure', snowflake: 'snowflake', databricks: 'databricks' };

const CLOUDFORMATION: Record<string, ResourceSpec> = {
  'AWS::S3::Bucket': { kind: 'bucket', nameFrom: 'BucketName', scheme: 's3' },
  'AWS::RDS::DBInstance': { kind: 'database', nameFrom: 'DBInstanceIdentifier' },
  'AWS::RDS::DBCluster': { kind: 'database', nameFrom: 'DBClusterIdentifier' },
  'AWS::DynamoDB::Table': { kind: 'database', nameFrom: 'TableName' },
  'AWS::Glue::Database': { kind: 'database', nameFrom: 'DatabaseInput.Name' },
  'AWS::Redshift::Cluster': { kind: 'warehouse', nameFrom: 'ClusterIdentifier' },
  'AWS::SQS::Queue': { kind: 'queue', nameFrom: 'QueueName' },
  'AWS::SNS::Topic': { kind: 'topic', nameFrom: 'TopicName' },
  'AWS::Kinesis::Stream': { kind: 'stream', nameFrom: 'Name' },
  'AWS::KinesisFirehose::DeliveryStream': { kind: 'stream', nameFrom: 'DeliveryStreamName' },
  'AWS::MSK::Cluster': { kind: 'stream', nameFrom: 'ClusterName' },
  'AWS::ElastiCache::CacheCluster': { kind: 'cache', nameFrom: 'ClusterName' },
  'AWS::ElastiCache::ReplicationGroup': { kind: 'cache', nameFrom: 'ReplicationGroupId' },
  'AWS::EFS::FileSystem': { kind: 'filesystem' },
};

/** One resource block: its type, its address name, and its top-level literal string attributes. */
interface Resource {
  type: string;
  name: string;
  line: number;
  attributes: Map<string, string>;
}

export function servicesInTerraform(text: string): ServiceHit[] {
  // `.tf.json` (CDK for Terraform writes it) is JSON; HCL never starts with a brace.
  const resources = text.trimStart().startsWith('{') ? terraformJsonResources(text) : hclResources(text);
  return resources.flatMap((r) => {
    const spec = TERRAFORM[r.type];
    if (!spec) return [];
    const provider = TERRAFORM_PROVIDERS[r.type.slice(0, r.type.indexOf('_'))];
    return [hit(spec, provider, r.attributes.get(spec.nameFrom ?? 'name'), `${r.type}.${r.name}`, r.line)];
  });
}

export function servicesInCloudFormation(text: string): ServiceHit[] {
  const tree = parseNodeTree(text);
  if (!tree) return [];
  return entriesOf(valueAt(tree.root, ['Resources'])).flatMap(({ key: logicalId, keyNode, value }) => {
    const spec = CLOUDFORMATION[literalString(valueAt(value, ['Type'])) ?? ''];
    if (!spec) return [];
    const name = spec.nameFrom ? literalString(valueAt(value, ['Properties', ...spec.nameFrom.split('.')])) : undefined;
    return [hit(spec, 'aws', name, logicalId, tree.lineOf(keyNode))];
  });
}

/** A literal name is the service's real name (and gives buckets their URI); otherwise the resource's address stands in. */
function hit(spec: ResourceSpec, provider: ServiceProvider | undefined, literalName: string | undefined, address: string, line: number): ServiceHit {
  const name = literalName || address;
  const uri = literalName && spec.scheme ? `${spec.scheme}://${literalName}` : undefined;
  return { kind: spec.kind, ...(provider ? { provider } : {}), name, ...(uri ? { uri } : {}), line };
}

/** Resources of Terraform's JSON syntax, read by the Terraform analyzer's own reader ("//" comments, arrays of blocks). */
function terraformJsonResources(text: string): Resource[] {
  return parseTerraformJson(text).blocks.flatMap((block): Resource[] => {
    const [type, name] = block.labels;
    if (block.type !== 'resource' || !type || !name) return [];
    const attributes = new Map<string, string>();
    for (const { name: key, expr } of block.attributes) if (expr.t === 'literal' && typeof expr.value === 'string') attributes.set(key, expr.value);
    return [{ type, name, line: block.range.startLine, attributes }];
  });
}

const RESOURCE_HEADER = /^\s*resource\s+"([^"]+)"\s+"([^"]+)"\s*\{/;
// `name = "literal"`, where the literal has no `${…}`/`%{…}` template in it; a trailing comment is fine.
const LITERAL_ATTRIBUTE = /^\s*([A-Za-z_][\w-]*)\s*=\s*"((?:[^"\\$%]|\\.|[$%](?!\{))*)"\s*(?:(?:#|\/\/).*)?$/;

/**
 * `resource "TYPE" "NAME" { … }` blocks of HCL by a line scanner that tracks brace depth outside
 * strings, templates, comments and heredocs. Enough to list resources and their literal top-level
 * attributes; expressions are not evaluated.
 */
function hclResources(text: string): Resource[] {
  const resources: Resource[] = [];
  const state: ScanState = { depth: 0, inBlockComment: false };
  let current: Resource | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (state.heredoc !== undefined) {
      if (line.trim() === state.heredoc) state.heredoc = undefined;
      continue;
    }
    if (!state.inBlockComment && state.depth === 0) {
      const header = RESOURCE_HEADER.exec(line);
      if (header) {
        current = { type: header[1]!, name: header[2]!, line: n + 1, attributes: new Map() };
        // A one-line block, `resource "t" "n" { name = "x" }`, holds at most one argument.
        const inline = LITERAL_ATTRIBUTE.exec(line.slice(header[0].length).replace(/\}\s*$/, ''));
        if (inline) current.attributes.set(inline[1]!, inline[2]!);
      }
    } else if (!state.inBlockComment && state.depth === 1 && current) {
      const attribute = LITERAL_ATTRIBUTE.exec(line);
      if (attribute) current.attributes.set(attribute[1]!, attribute[2]!);
    }
    scanLine(line, state);
    if (current && state.depth === 0) {
      resources.push(current);
      current = undefined;
    }
  }
  // A block left open by a truncated file is still a declared resource.
  if (current) resources.push(current);
  return resources;
}

interface ScanState {
  depth: number;
  inBlockComment: boolean;
  heredoc?: string;
}

/**
 * Advances the brace depth over one line. Strings hold templates (`${…}`) that hold strings again,
 * so the nesting is tracked with an explicit stack rather than recursion, which hostile input could
 * drive arbitrarily deep.
 */
function scanLine(line: string, state: ScanState): void {
  const nesting: Array<'string' | 'template'> = [];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    const next = line[i + 1];
    if (state.inBlockComment) {
      if (c === '*' && next === '/') {
        state.inBlockComment = false;
        i++;
      }
      continue;
    }
    const inside = nesting[nesting.length - 1];
    if (inside === 'string') {
      if (c === '\\') i++;
      else if (c === '"') nesting.pop();
      else if ((c === '$' || c === '%') && next === '{') {
        nesting.push('template');
        i++;
      }
      continue;
    }
    if (c === '"') nesting.push('string');
    else if (inside === 'template') {
      // Braces inside a template (object literals, nested templates) belong to it.
      if (c === '{') nesting.push('template');
      else if (c === '}') nesting.pop();
    } else if (c === '#' || (c === '/' && next === '/')) {
      return;
    } else if (c === '/' && next === '*') {
      state.inBlockComment = true;
      i++;
    } else if (c === '<' && next === '<') {
      const heredoc = /^<<-?([A-Za-z_]\w*)/.exec(line.slice(i));
      if (heredoc) {
        state.heredoc = heredoc[1];
        return;
      }
    } else if (c === '{') state.depth++;
    else if (c === '}') state.depth = Math.max(0, state.depth - 1);
  }
}

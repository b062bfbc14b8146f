import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileKind } from '../../src/inventory/classify.js';
import { servicesIn, type Service } from '../../src/inventory/services.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8');
const scan = (kind: FileKind, text: string, path = 'file') => servicesIn({ path, kind, text });
/** The hits without the fields every test would repeat. */
const brief = (services: Service[]) => services.map(({ file: _file, source: _source, ...rest }) => rest);

describe('servicesIn: Terraform', () => {
  it('lists the data-service resources of HCL, by literal name when there is one, else by address', () => {
    const services = servicesIn({ path: 'infra/main.tf', kind: 'terraform', text: fixture('main.tf') });
    expect(services.every((s) => s.file === 'infra/main.tf' && s.source === 'iac')).toBe(true);
    expect(brief(services)).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'acme-raw-events', uri: 's3://acme-raw-events', line: 9 },
      { kind: 'bucket', provider: 'aws', name: 'aws_s3_bucket.curated', line: 16 },
      { kind: 'database', provider: 'aws', name: 'acme-warehouse', line: 29 },
      { kind: 'queue', provider: 'aws', name: 'acme-ingest.fifo', line: 35 },
      { kind: 'stream', provider: 'aws', name: 'clicks', line: 41 },
      { kind: 'bucket', provider: 'gcp', name: 'acme-exports', uri: 'gs://acme-exports', line: 43 },
      { kind: 'warehouse', provider: 'gcp', name: 'analytics', line: 48 },
      { kind: 'bucket', provider: 'azure', name: 'lake', line: 52 },
      { kind: 'warehouse', provider: 'snowflake', name: 'DW', line: 57 },
    ]);
  });

  it('reads Terraform JSON (CDK for Terraform output) too', () => {
    expect(brief(scan('terraform', fixture('cdk.tf.json')))).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'acme-landing', uri: 's3://acme-landing', line: 4 },
      { kind: 'bucket', provider: 'aws', name: 'aws_s3_bucket.dynamic', line: 7 },
      { kind: 'topic', provider: 'aws', name: 'pipeline-alerts', line: 12 },
    ]);
  });

  it('reads Terraform JSON as Terraform does: "//" comments skipped, blocks in arrays, $${ escapes', () => {
    const text = JSON.stringify(
      {
        resource: [
          { aws_s3_bucket: { '//': 'a comment, not a bucket', raw: { '//': 'note', bucket: 'acme-raw' } } },
          { aws_sqs_queue: { jobs: [{ name: 'price-$${currency}' }] } },
        ],
      },
      null,
      2,
    );
    expect(brief(scan('terraform', text))).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'acme-raw', uri: 's3://acme-raw', line: 6 },
      { kind: 'queue', provider: 'aws', name: 'price-${currency}', line: 14 },
    ]);
  });

  it('keeps brace counting right across strings, templates, comments and heredocs', () => {
    const text = [
      'resource "aws_sqs_queue" "a" {',
      '  name = "a"',
      '  tags = { note = "}}} not braces {{{", other = "${jsonencode({ x = "}" })}" }',
      '  // }',
      '  # }',
      '  policy = <<-EOT',
      '    }',
      '  EOT',
      '}',
      'resource "aws_sns_topic" "b" {',
      '  name = "b"',
      '}',
    ].join('\n');
    expect(brief(scan('terraform', text))).toEqual([
      { kind: 'queue', provider: 'aws', name: 'a', line: 1 },
      { kind: 'topic', provider: 'aws', name: 'b', line: 10 },
    ]);
  });

  it('takes only top-level literal attributes as names', () => {
    const text = 'resource "aws_s3_bucket" "x" {\n  lifecycle {\n    bucket = "nested-not-the-name"\n  }\n  bucket = "${var.prefix}-x"\n}\n';
    expect(brief(scan('terraform', text))).toEqual([{ kind: 'bucket', provider: 'aws', name: 'aws_s3_bucket.x', line: 1 }]);
  });

  it('never throws on garbage and still reports a block a truncated file left open', () => {
    const garbage = ['}}}}', '{{{{', '"unterminated', '/* never closed', '<<EOF', '\u0000\uFFFD\u0001', `x = "${'${"'.repeat(50_000)}`, '{"resource": [1, "x", null]}', '{ not json'];
    for (const text of garbage) expect(() => scan('terraform', text)).not.toThrow();
    expect(brief(scan('terraform', 'resource "aws_s3_bucket" "cut" {\n  bucket = "cut-off"\n'))).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'cut-off', uri: 's3://cut-off', line: 1 },
    ]);
  });
});

describe('servicesIn: CloudFormation', () => {
  it('lists data resources of a YAML template, with names only when they are literals (not !Sub, !Ref)', () => {
    expect(brief(scan('cloudformation', fixture('stack.yaml')))).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'acme-raw-cfn', uri: 's3://acme-raw-cfn', line: 7 },
      { kind: 'bucket', provider: 'aws', name: 'CuratedBucket', line: 11 },
      { kind: 'queue', provider: 'aws', name: 'IngestQueue', line: 15 },
      { kind: 'stream', provider: 'aws', name: 'events', line: 19 },
      { kind: 'database', provider: 'aws', name: 'orders', line: 24 },
      { kind: 'database', provider: 'aws', name: 'raw_catalog', line: 28 },
    ]);
  });

  it('reads JSON templates, where intrinsic functions are objects', () => {
    expect(brief(scan('cloudformation', fixture('stack.json')))).toEqual([
      { kind: 'warehouse', provider: 'aws', name: 'acme-dw', line: 4 },
      { kind: 'topic', provider: 'aws', name: 'Alerts', line: 11 },
    ]);
  });

  it('does not expand aliases, so an alias bomb costs nothing', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 30; i++) bomb.push(`${String.fromCharCode(97 + (i % 26))}${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(',')}]`);
    bomb.push('Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: *l29');
    const started = Date.now();
    expect(brief(scan('cloudformation', bomb.join('\n')))).toEqual([{ kind: 'bucket', provider: 'aws', name: 'B', line: 32 }]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never throws on invalid or hostile YAML, and refuses pathological nesting at once', () => {
    const garbage = ['Resources: [', ': : :', 'Resources:\n  - 1\n  - 2', 'Resources:\n  X:\n    Type: [AWS::S3::Bucket]', '\t\u0000\uFFFD'];
    for (const text of garbage) expect(() => scan('cloudformation', text)).not.toThrow();
    // Left to the YAML parser, a few MB of open brackets cost seconds and can exhaust the heap.
    const started = Date.now();
    expect(scan('cloudformation', '['.repeat(5 * 1024 * 1024))).toEqual([]);
    expect(scan('terraform', '{"resource": '.repeat(100_000))).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('servicesIn: code and configuration', () => {
  it('finds literal storage URIs, DSNs, Kafka brokers and API base URLs in Python', () => {
    const services = servicesIn({ path: 'jobs/ingest.py', kind: 'python', text: fixture('ingest.py') });
    expect(services.every((s) => s.file === 'jobs/ingest.py' && s.source === 'code')).toBe(true);
    expect(brief(services)).toEqual([
      { kind: 'bucket', provider: 'aws', name: 'acme-raw-events', uri: 's3://acme-raw-events/clicks/', line: 11 },
      { kind: 'bucket', provider: 'aws', name: 'acme-curated', uri: 's3a://acme-curated/', line: 13 },
      { kind: 'filesystem', provider: 'azure', name: 'acmelake/bronze', uri: 'abfss://bronze@acmelake.dfs.core.windows.net/events', line: 15 },
      {
        kind: 'database',
        name: 'warehouse.internal:5432/analytics',
        uri: 'postgresql+psycopg2://etl:***@warehouse.internal:5432/analytics?sslmode=require',
        line: 17,
      },
      { kind: 'database', name: 'cluster0.ab1cd.mongodb.net/events', uri: 'mongodb+srv://reader:***@cluster0.ab1cd.mongodb.net/events?retryWrites=true', line: 18 },
      { kind: 'cache', name: 'cache.internal:6379/0', uri: 'redis://:***@cache.internal:6379/0', line: 19 },
      { kind: 'database', name: 'reports.internal:5432/reports', uri: 'jdbc:postgresql://reports.internal:5432/reports?user=bi&password=***', line: 20 },
      { kind: 'stream', provider: 'aws', name: 'b-1.msk.kafka.eu-west-1.amazonaws.com:9092,b-2.msk.kafka.eu-west-1.amazonaws.com:9092', line: 23 },
      { kind: 'api', name: 'api.weather.example.io', uri: 'https://api.weather.example.io/v2/forecast', line: 25 },
    ]);
  });

  it('never records a password, token or secret parameter', () => {
    const all = JSON.stringify([scan('python', fixture('ingest.py')), scan('config', fixture('settings.yaml'))]);
    for (const secret of ['Sup3rS3cret', 'r3ad3r', 'hunter2', 'bi-pass', 'abc123', 'L0ad3r', 'w0rker']) expect(all).not.toContain(secret);
  });

  it('finds services in configuration files', () => {
    const services = servicesIn({ path: 'conf/settings.yaml', kind: 'config', text: fixture('settings.yaml') });
    expect(services.every((s) => s.source === 'config')).toBe(true);
    expect(brief(services)).toEqual([
      { kind: 'warehouse', provider: 'snowflake', name: 'acme-xy12345/RAW', uri: 'snowflake://loader:***@acme-xy12345/RAW/PUBLIC?warehouse=LOAD_WH&role=LOADER', line: 3 },
      { kind: 'queue', name: 'rabbit.internal:5671/etl', uri: 'amqps://worker:***@rabbit.internal:5671/etl', line: 5 },
      { kind: 'stream', name: 'kafka-1.internal:9093,kafka-2.internal:9093', line: 7 },
      { kind: 'bucket', provider: 'gcp', name: 'acme-exports', uri: 'gs://acme-exports/daily/', line: 9 },
    ]);
  });

  it.each([
    ['jdbc:oracle:thin:scott/tiger@ora.internal:1521:ORCL', { kind: 'database', name: 'ora.internal:1521:ORCL', uri: 'jdbc:oracle:thin:scott/***@ora.internal:1521:ORCL' }],
    ['jdbc:sqlserver://mssql.internal:1433;databaseName=dw;user=sa;password=Pa55;', { kind: 'database', name: 'mssql.internal:1433', uri: 'jdbc:sqlserver://mssql.internal:1433;databaseName=dw;user=sa;password=***' }],
    ['mysql+pymysql://app:p/w#1@mysql.internal/shop', { kind: 'database', name: 'mysql.internal/shop', uri: 'mysql+pymysql://app:***@mysql.internal/shop' }],
    ['postgres://u:pw@dw.abc123.eu-west-1.redshift.amazonaws.com:5439/dev', { kind: 'warehouse', provider: 'aws', name: 'dw.abc123.eu-west-1.redshift.amazonaws.com:5439/dev', uri: 'postgres://u:***@dw.abc123.eu-west-1.redshift.amazonaws.com:5439/dev' }],
    ['jdbc:postgresql://pg.internal/db?user=a@corp.com&password=pw', { kind: 'database', name: 'pg.internal/db', uri: 'jdbc:postgresql://pg.internal/db?user=a@corp.com&password=***' }],
    ['s3://acme-assets/icons/logo@2x.png', { kind: 'bucket', provider: 'aws', name: 'acme-assets', uri: 's3://acme-assets/icons/logo@2x.png' }],
    ['mongodb://u:pw@m1:27017,m2:27017/app?authSource=admin', { kind: 'database', name: 'm1:27017,m2:27017/app', uri: 'mongodb://u:***@m1:27017,m2:27017/app?authSource=admin' }],
    ['https://ghp_token123@api.github.com/repos/acme/x?access_token=t', { kind: 'api', name: 'api.github.com', uri: 'https://***@api.github.com/repos/acme/x' }],
    ['https://acme-data.s3.eu-west-1.amazonaws.com/raw/a.csv?X-Amz-Signature=abc', { kind: 'bucket', provider: 'aws', name: 'acme-data', uri: 'https://acme-data.s3.eu-west-1.amazonaws.com/raw/a.csv' }],
    ['https://storage.googleapis.com/acme-public/data.csv', { kind: 'bucket', provider: 'gcp', name: 'acme-public', uri: 'https://storage.googleapis.com/acme-public/data.csv' }],
    ['wasbs://raw@acmeblob.blob.core.windows.net/x?sig=s3cr3t', { kind: 'bucket', provider: 'azure', name: 'acmeblob/raw', uri: 'wasbs://raw@acmeblob.blob.core.windows.net/x?sig=***' }],
    ['kafka_config = {"bootstrap.servers": "pkc-1.eu-west-1.aws.confluent.cloud:9092"}', { kind: 'stream', provider: 'confluent', name: 'pkc-1.eu-west-1.aws.confluent.cloud:9092' }],
  ])('%s', (literal, expected) => {
    const [service, ...more] = scan('python', `x = "${literal.replace(/"/g, "'")}"`);
    expect(more).toEqual([]);
    expect(service).toEqual({ ...expected, file: 'file', line: 1, source: 'code' });
  });

  it.each([
    ['https://www.w3.org/2001/XMLSchema'],
    ['http://json-schema.org/draft-07/schema#'],
    ['https://github.com/acme/pipeline/blob/main/README.md'],
    ['https://github.com/acme/pipeline'],
    ['https://docs.aws.amazon.com/s3/'],
    ['https://pandas.pydata.org/docs/reference/api.html'],
    ['https://www.apache.org/licenses/LICENSE-2.0'],
    ['http://localhost:8080/api'],
    ['http://127.0.0.1:9000'],
    ['postgresql://dev:dev@localhost/dev'],
    ['redis://host.docker.internal:6379'],
    ['s3://{bucket}/raw'],
    ['postgresql://user:${DB_PASSWORD}@db/app'],
    ['postgresql://%s:%s@%s/db'],
    ['mysql://'],
  ])('skips %s (documentation, local, or a template)', (literal) => {
    expect(scan('python', `x = "${literal}"`)).toEqual([]);
  });

  it('skips whole-line comments in each language', () => {
    expect(scan('python', '# s3://commented/out\nx = 1')).toEqual([]);
    expect(scan('javascript', "// s3://commented/out\n/* s3://also */\n * s3://jsdoc\nconst u = 'mysql://app@db.internal/shop';")).toMatchObject([
      { kind: 'database', name: 'db.internal/shop', uri: 'mysql://app@db.internal/shop', line: 4 },
    ]);
    expect(scan('sql', "-- s3://commented/out\nCOPY INTO raw FROM 's3://acme-stage/load/';")).toMatchObject([{ kind: 'bucket', name: 'acme-stage', line: 2 }]);
    expect(scan('config', '; s3://ini-comment\n# s3://yaml-comment\nbucket = gs://acme-conf')).toMatchObject([{ name: 'acme-conf', line: 3 }]);
    expect(scan('shell', '#!/bin/sh\n# aws s3 sync s3://old-landing .\naws s3 sync s3://acme-landing/in /data\npsql "postgresql://etl@warehouse.internal:5432/dw" -f load.sql\n')).toMatchObject([
      { kind: 'bucket', name: 'acme-landing', line: 3 },
      { kind: 'database', line: 4 },
    ]);
  });

  it('reads notebooks as their JSON text, skipping commented code lines', () => {
    const notebook = JSON.stringify(
      { cells: [{ cell_type: 'code', source: ['# gs://old-bucket\n', 'df = pd.read_parquet("gs://acme-features/v3/")\n'] }] },
      null,
      1,
    );
    expect(brief(scan('notebook', notebook))).toEqual([{ kind: 'bucket', provider: 'gcp', name: 'acme-features', uri: 'gs://acme-features/v3/', line: 7 }]);
  });

  it('reports each (kind, uri) once per file, at its first line, in line order', () => {
    const text = 'b = "s3://two/x"\na = "s3://one/x"\nc = "s3://two/x"\nd = "s3://two/y"\n';
    expect(brief(scan('python', text)).map((s) => [s.uri, s.line])).toEqual([
      ['s3://two/x', 1],
      ['s3://one/x', 2],
      ['s3://two/y', 4],
    ]);
  });

  it('ignores file kinds that hold no service references', () => {
    expect(scan('dockerfile', 'ENV DSN=postgres://u:p@db/x')).toEqual([]);
    expect(scan('data', 's3://a/b')).toEqual([]);
  });

  it('never throws on garbage', () => {
    const garbage = ['\u0000\uFFFD'.repeat(1000), 's3://'.repeat(10_000), `postgresql://${'@'.repeat(50_000)}`, `https://${'a.'.repeat(50_000)}`, 'bootstrap_servers='];
    for (const text of garbage) for (const kind of ['python', 'config', 'notebook'] as const) expect(() => scan(kind, text)).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { hasValidChecksum, base62Crc32 } from '../../../src/analyzers/secrets/base62-checksum.js';
import { shannonEntropy } from '../../../src/analyzers/secrets/entropy.js';
import { secretsAnalyzer } from '../../../src/analyzers/secrets/index.js';
import { redact } from '../../../src/analyzers/secrets/redact.js';
import { GENERIC_SECRET_MIN_ENTROPY, GENERIC_SECRET_MIN_LENGTH } from '../../../src/analyzers/secrets/rules/generic-secret.js';
import { exampleNotebook } from '../../../src/analyzers/notebook/example-notebook.js';
import { analyzeSecrets, scanSecrets } from './scan.js';
import { composeAnalyzer } from '../../../src/analyzers/iac/compose/index.js';
import { analyzeText } from '../../../src/core/analyze-file.js';
import type { ImageFacts } from '../../../src/inventory/containers.js';
import { classify } from '../../../src/inventory/classify.js';

const PAT_BODY = 'FAKEbIXzfWru4zCBz3N14fvoj3cUCt';
const PAT = `ghp_${PAT_BODY}${base62Crc32(PAT_BODY)}`;
const KEY_ID = 'AKIAZ7FAKEKEY4DEMO12';
const SECRET_KEY = '4mnb0QqSBEAcbJg7s6/8G5iRh2307V3/K9DKTW+j';

describe('which files the secrets analyzer reads', () => {
  const entry = (path: string) => ({ path, absPath: `/r/${path}`, size: 10, kind: 'other' as const });

  it('reads text of every kind and passes over binary formats', () => {
    for (const path of ['a.py', 'n.ipynb', 'Dockerfile', '.env', 'main.tf', 'k8s/job.yaml', 'LICENSE', 'id_rsa', 'data/x.csv']) {
      expect(secretsAnalyzer.required(entry(path))).toBe(true);
    }
    for (const path of ['model.pkl', 'data/x.parquet', 'logo.PNG', 'dist/app.whl', 'lib.so']) expect(secretsAnalyzer.required(entry(path))).toBe(false);
  });
});

describe('redaction', () => {
  it('shows the first 4 characters then …, and at most half of a short secret', () => {
    expect(redact('AKIAZ7FAKEKEY4DEMO12')).toBe('AKIA…');
    expect(redact('s3cr3t')).toBe('s3c…');
    expect(redact('ab')).toBe('a…');
  });

  it('keeps every secret on a line out of the message and snippet of every finding on it', () => {
    const line = `creds = {"id": "${KEY_ID}", "aws_secret_access_key": "${SECRET_KEY}", "gh": "${PAT}"}`;
    const findings = scanSecrets(`${line}\n`, undefined, 'etl/creds.py');
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['secret.aws-access-key', 'secret.aws-secret-access-key', 'secret.github-personal-access-token']);
    for (const f of findings) {
      for (const raw of [KEY_ID, SECRET_KEY, PAT]) {
        expect(f.message).not.toContain(raw);
        expect(f.location.snippet).not.toContain(raw);
      }
    }
    expect(findings[0]!.location.snippet).toBe('creds = {"id": "AKIA…", "aws_secret_access_key": "4mnb…", "gh": "ghp_…"}');
  });

  it('locates the secret itself: line and columns of the value', () => {
    const [finding] = scanSecrets(`# config\nSTRIPE_KEY = 'sk_live_FAKEkQjOn2f4jdEsyzpoAEki'\n`, 'secret.stripe-secret-key', 'billing/config.py');
    expect(finding!.location).toMatchObject({ startLine: 2, startColumn: 15, endLine: 2, endColumn: 47 });
  });
});

describe('down-ranking, never dropping', () => {
  it('ranks documented example keys as informational and says why', () => {
    const [finding] = scanSecrets('aws_access_key_id = AKIAIOSFODNN7EXAMPLE\n', 'secret.aws-access-key', 'deploy/config.ini');
    expect(finding).toMatchObject({ severity: 'info', confidence: 'low' });
    expect(finding!.message).toMatch(/down-ranked: a documented example key/);
    const [secret] = scanSecrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n', 'secret.aws-secret-access-key', 'deploy/config.ini');
    expect(secret).toMatchObject({ severity: 'info', confidence: 'low' });
    const [rfc] = scanSecrets('# Authorization: Basic czZCaGRSa3F0MzpnWDFmQmF0M2JW\n', 'secret.basic-auth-header', 'oauth2/clients/base.py');
    expect(rfc).toMatchObject({ severity: 'info', confidence: 'low' });
  });

  it.each(['tests/test_load.py', 'test/fixtures/creds.env', 'pkg/testdata/x.yaml', 'examples/demo/.env', 'src/db.spec.ts', 'deploy/.env.example', 'config/settings.py.dist', 'data/rds/examples-1.json'])('ranks %s as low and says it is a test path', (file) => {
    const [finding] = scanSecrets(`STRIPE = "sk_live_FAKEkQjOn2f4jdEsyzpoAEki"\n`, 'secret.stripe-secret-key', file);
    expect(finding).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(finding!.message).toMatch(/down-ranked: in a test, fixture or example path/);
  });

  it('keeps the rule severity outside test paths', () => {
    const [finding] = scanSecrets(`STRIPE = "sk_live_FAKEkQjOn2f4jdEsyzpoAEki"\n`, 'secret.stripe-secret-key', 'src/contest/billing.py');
    expect(finding).toMatchObject({ severity: 'critical', confidence: 'high' });
  });
});

describe('GitHub token checksum', () => {
  it('accepts a token whose last six characters are the base-62 CRC32 of its random part', () => {
    expect(hasValidChecksum(PAT)).toBe(true);
    expect(scanSecrets(`t = "${PAT}"\n`, 'secret.github-personal-access-token', 'ci/a.py')[0]).toMatchObject({ severity: 'high', confidence: 'high' });
  });

  it('down-ranks a look-alike whose checksum fails', () => {
    const fake = `${PAT.slice(0, -1)}${PAT.endsWith('A') ? 'B' : 'A'}`;
    expect(hasValidChecksum(fake)).toBe(false);
    const [finding] = scanSecrets(`t = "${fake}"\n`, 'secret.github-personal-access-token', 'ci/a.py');
    expect(finding).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(finding!.message).toMatch(/checksum does not match/);
  });

  it('reports a token whose checksum holds even where it reads like a placeholder', () => {
    const body = 'xxxxR7pQ2mZ8vK4nW1sT6yB3cF9hJ0';
    const real = `ghp_${body}${base62Crc32(body)}`;
    expect(scanSecrets(`t = "${real}"\n`, 'secret.github-personal-access-token', 'ci/a.py')[0]).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(scanSecrets(`t = "ghp_${'x'.repeat(36)}"\n`, 'secret.github-personal-access-token', 'ci/a.py')).toEqual([]);
  });
});

describe('documentation domains', () => {
  it('down-ranks a password in a URL to example.com, *.example or *.test, saying why', () => {
    for (const host of ['example.com', 'db.example.org:5432', 'warehouse.test']) {
      const [finding] = scanSecrets(`url = "postgresql://etl:Pg5ecretW0rd!@${host}/dw"\n`, 'secret.postgres-url', 'etl/db.py');
      expect(finding, host).toMatchObject({ severity: 'low', confidence: 'low' });
      expect(finding!.message).toMatch(/is a documentation domain/);
    }
    expect(scanSecrets('url = "postgresql://etl:Pg5ecretW0rd!@example.com.evil.io/dw"\n', 'secret.postgres-url', 'etl/db.py')[0]).toMatchObject({ severity: 'high' });
  });
});

describe('docstrings', () => {
  it('down-ranks a generic detector in a Python docstring, saying why, but not a known format or a string the code assigns', () => {
    const code = [
      'def connect(user, password):',
      '    """Connect to the warehouse.',
      '',
      "    >>> connect('etl', password='IAmSensitive')",
      `    >>> token = "${PAT}"`,
      '    """',
      '',
      'TEMPLATE = """',
      'password: "IAmSensitive"',
      '"""',
      "DEFAULT_PASSWORD = 'IAmSensitive'",
      '',
    ].join('\n');
    const found = scanSecrets(code, undefined, 'etl/warehouse.py').map((f) => `${f.ruleId}:${f.location.startLine}:${f.severity}`);
    expect(found).toEqual(['secret.generic-password:4:low', 'secret.github-personal-access-token:5:high', 'secret.generic-password:9:high', 'secret.generic-password:11:high']);
    expect(scanSecrets(code, 'secret.generic-password', 'etl/warehouse.py')[0]!.message).toMatch(/down-ranked: it is in a docstring/);
    // the same text outside Python is not parsed as Python
    expect(scanSecrets(code, 'secret.generic-password', 'etl/warehouse.md')[0]).toMatchObject({ severity: 'high' });
  });
});

describe('notebook markdown', () => {
  it('down-ranks a generic detector in a markdown cell, saying why, but not in a code cell nor a known format', () => {
    const notebook = exampleNotebook([
      { type: 'markdown', source: `# Connecting\n\nCall \`connect('etl', password='IAmSensitive')\`, or use\n\`${PAT}\`` },
      "DEFAULT_PASSWORD = 'IAmSensitive'",
    ]);
    const found = scanSecrets(notebook, undefined, 'notebooks/warehouse.ipynb').map((f) => `${f.ruleId}:${f.severity}`);
    expect(found).toEqual(['secret.generic-password:low', 'secret.github-personal-access-token:high', 'secret.generic-password:high']);
    expect(scanSecrets(notebook, 'secret.generic-password', 'notebooks/warehouse.ipynb')[0]!.message).toMatch(/down-ranked: it is in a markdown cell, written for the reader/);
    // A file that is no readable notebook has no markdown cells to be lenient about.
    expect(scanSecrets(`{"cells": [${"password='IAmSensitive'"}`, 'secret.generic-password', 'broken.ipynb')[0]).toMatchObject({ severity: 'high' });
  });
});

describe('URL templates', () => {
  it('down-ranks a password in a URL whose host is a slot to fill in (host:port, hostname), saying why', () => {
    for (const host of ['host:port', 'hostname', 'server:5432', 'db.internal:port']) {
      const [finding] = scanSecrets(`url = "https://etl:Pg5ecretW0rd!@${host}/path"\n`, 'secret.basic-auth-url', 'etl/db.py');
      expect(finding, host).toMatchObject({ severity: 'low', confidence: 'low' });
      expect(finding!.message).toMatch(/is a slot to fill in/);
    }
    for (const host of ['hosts.internal', 'server01:5432', '[::1]:5432']) {
      expect(scanSecrets(`url = "https://etl:Pg5ecretW0rd!@${host}/path"\n`, 'secret.basic-auth-url', 'etl/db.py')[0], host).toMatchObject({ severity: 'high' });
    }
  });
});

describe('stand-in values', () => {
  it.each(['dbpassword', 'somepassword', 'sample', 'qwerty123', 'test_token1', 'password1', 'P@ssw0rd', 'admin123', 'secret!', 'mynewpassword', 'notasecret'])('down-ranks password = %s, saying why', (value) => {
    const [finding] = scanSecrets(`password = "${value}"\n`, 'secret.generic-password', 'etl/settings.py');
    expect(finding).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(finding!.message).toMatch(/reads like a stand-in/);
  });

  it('keeps a password that merely contains such a word at its rule\'s rank', () => {
    expect(scanSecrets('password = "Db-password-2024!"\n', 'secret.generic-password', 'etl/settings.py')[0]).toMatchObject({ severity: 'high' });
  });

  it('down-ranks the password of a URL when it is a stand-in (user:pass@)', () => {
    const [finding] = scanSecrets('url = "postgres://user:pass@localhost:5432/foobar"\n', 'secret.postgres-url', 'etl/db.py');
    expect(finding).toMatchObject({ severity: 'low', confidence: 'low' });
    expect(scanSecrets('url = "postgres://user:passage7Q@localhost:5432/foobar"\n', 'secret.postgres-url', 'etl/db.py')[0]).toMatchObject({ severity: 'high' });
  });
});

describe('placeholders are not secrets', () => {
  it.each([
    'DATABASE_URL=postgres://etl:${DB_PASSWORD}@db:5432/dw',
    'DATABASE_URL=postgres://etl:<password>@db:5432/dw',
    'DATABASE_URL=postgres://etl:changeme@db:5432/dw',
    'DATABASE_URL=postgres://etl:xxxxxxxx@db:5432/dw',
    'DB_PASSWORD=${DB_PASSWORD}',
    'DB_PASSWORD="{{ db_password }}"',
    'DB_PASSWORD=changeme',
    'DB_PASSWORD=<your-password>',
    'password: "********"',
    'aws_access_key_id = AKIAXXXXXXXXXXXXXXXX',
  ])('%s', (line) => {
    expect(scanSecrets(`${line}\n`, undefined, 'deploy/.env')).toEqual([]);
  });

  it('takes an environment lookup written as code in a README example for a reference', () => {
    const readme = '```js\nconst oauth = OAuth({\n  consumer: {\n    key: process.env.CONSUMER_KEY,\n    secret: process.env.CONSUMER_SECRET\n  }\n})\nclient_secret = import.meta.env.VITE_CLIENT_SECRET\napi_token: os.environ["VENDOR_TOKEN"]\n```\n';
    expect(scanSecrets(readme, undefined, 'README.md')).toEqual([]);
  });
});

describe('entropy threshold of the generic detector', () => {
  it('computes Shannon entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('abababab')).toBe(1);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
    // a non-ASCII value counts code points: an emoji is one symbol, not two halves
    expect(shannonEntropy('😀😀éé')).toBe(1);
  });

  it(`reports a ${GENERIC_SECRET_MIN_LENGTH}+ character value at or above ${GENERIC_SECRET_MIN_ENTROPY} bits and not below`, () => {
    const high = 'q8Zr4LxT2mWv9NcB';
    const low = 'aabbccddaabbccdd';
    expect(shannonEntropy(high)).toBeGreaterThanOrEqual(GENERIC_SECRET_MIN_ENTROPY);
    expect(shannonEntropy(low)).toBeLessThan(GENERIC_SECRET_MIN_ENTROPY);
    expect(scanSecrets(`vendor_token = "${high}"\n`, 'secret.generic-secret', 'jobs/a.py')).toHaveLength(1);
    expect(scanSecrets(`vendor_token = "${low}"\n`, 'secret.generic-secret', 'jobs/a.py')).toEqual([]);
    expect(scanSecrets(`vendor_token = "${high.slice(0, GENERIC_SECRET_MIN_LENGTH - 1)}"\n`, 'secret.generic-secret', 'jobs/a.py')).toEqual([]);
  });

  it('reads an unquoted value as a literal in configuration but as an expression in code', () => {
    const line = 'parser_tokens = ExtendedJsonPathLexer.tokens\n';
    expect(shannonEntropy('ExtendedJsonPathLexer.tokens')).toBeGreaterThanOrEqual(GENERIC_SECRET_MIN_ENTROPY);
    for (const file of ['jsonpath/parser.py', 'ingest/client.ts', 'infra/main.tf']) expect(scanSecrets(line, undefined, file)).toEqual([]);
    expect(scanSecrets(line, 'secret.generic-secret', 'deploy/.env')).toHaveLength(1);
    expect(scanSecrets('vendor_token = "q8Zr4LxT2mWv9NcB"\n', 'secret.generic-secret', 'infra/main.tf')).toHaveLength(1);
  });

  it('takes ARNs and values under a resource type name for names, not secrets', () => {
    const policies = '{\n "IAMCreateRootUserPassword": "arn:aws:iam::aws:policy/root-task/IAMCreateRootUserPassword",\n "SecretsManagerReadWrite": "arn:aws-cn:iam::aws:policy/SecretsManagerReadWrite"\n}\n';
    expect(scanSecrets(policies, undefined, 'data/ManagedPolicies.json')).toEqual([]);
    const hashes = 'CACHED = {\n    "AWS::IAM::AccessKey": "62d91b17309e76c8",\n    "AWS::SecretsManager::Secret": "ea02c9d1f8b3a7e6",\n}\n';
    expect(scanSecrets(hashes, undefined, 'schemas/providers/us_east_1.py')).toEqual([]);
    // the same values under a credential's own name are still reported
    expect(scanSecrets('ACCESS_KEY = "62d91b17309e76c8"\n', 'secret.generic-secret', 'jobs/a.py')).toHaveLength(1);
    expect(scanSecrets('Config::Api::SECRET = "62d91b17309e76c8"\n', 'secret.generic-secret', 'jobs/a.rb')).toHaveLength(1);
  });

  it('takes a constant whose value is its own name, an upper-case name and a format field for names, not secrets', () => {
    const enums = 'class UserStatus(str, enum.Enum):\n    FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD"\n    PUBLIC_KEY_OR_PASSWORD = "PUBLIC_KEY_OR_PASSWORD"\nWaitForTaskToken = "waitForTaskToken"\n';
    expect(scanSecrets(enums, undefined, 'models/types.py')).toEqual([]);
    expect(scanSecrets('NAMES = {\n    AttributeOID.CHALLENGE_PASSWORD: "challengePassword",\n}\n', undefined, 'x509/oid.py')).toEqual([]);
    expect(scanSecrets('settings = {"password_env": "WAREHOUSE_DB_PASSWORD"}\n', undefined, 'jobs/a.py')).toEqual([]);
    expect(scanSecrets('ALLOW_CREDENTIALS = "Access-Control-Allow-Credentials"\nSECRET_HEADER = "X-Amz-Security-Token"\n', undefined, 'api/cors.py')).toEqual([]);
    const paginators = '{\n  "input_token": "ExclusiveStartTableName",\n  "input_token": "ExclusiveStartBackupArn",\n  "output_token": "StreamDescription.Shards[-1].ShardId",\n  "output_token": "DistributionList.NextMarker",\n  "PasswordLastUsed": "2016-09-24T16:18:07Z"\n}\n';
    expect(scanSecrets(paginators, undefined, 'data/paginators-1.json')).toEqual([]);
    // a password may be made of capitalised words, so the password detector keeps judging it
    expect(scanSecrets('DEFAULT_PASSWORD = "MyDogRexLikesBones"\n', 'secret.generic-password', 'jobs/a.py')).toHaveLength(1);
    // random letters seldom make vowelled humps; one that does not is still judged by its randomness
    expect(scanSecrets('{"output_token": "QxvbRtzmKwpLdfgh"}\n', 'secret.generic-secret', 'data/paginators-1.json')).toHaveLength(1);
    const formatted = 'body = f"ClientRequestToken=\'{self.client_request_token}\'"\nerr = f\'token: "{current_phrase!r}"\'\n';
    expect(scanSecrets(formatted, undefined, 'stacks/models.py')).toEqual([]);
    expect(scanSecrets('{"Condition": {"StringLike": {"secretsmanager:SecretId": "arn:*:secretsmanager:*:*:secret:AmazonMSK_*"}}}\n', undefined, 'iam/managed.py')).toEqual([]);
    const gcloud =
      '_STS_REQUESTED_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token"\n_CREDENTIALS_KEY = "google_oauth2_credentials"\n' +
      "def quota(project_id: str, credentials: 'google_oauth2.Credentials'):\n    pass\n" +
      "HELPER = {'token-key': '{.credential.access_token}'}\n";
    expect(scanSecrets(gcloud, undefined, 'auth/external_account.py')).toEqual([]);
    const templates = "NC_CC_GCP_SECRET_CONFIG = 'gcpSecretManagerCertificateConfig'\nproxy_url = 'http://{}:{}@{}:{}/'.format(user, password, host, port)\n";
    expect(scanSecrets(templates, undefined, 'shim/__init__.py')).toEqual([]);
    // camel case needs vowelled humps after the first, as words have
    expect(scanSecrets('API_TOKEN = "qxvbRtzmKwpLdfghNc"\n', 'secret.generic-secret', 'jobs/a.py')).toHaveLength(1);
    // digits after the last word are how a password is lengthened: still judged
    expect(scanSecrets('DB_PASSWORD = "summer_holiday_fun42"\n', 'secret.generic-password', 'jobs/a.py')).toHaveLength(1);
    // a value that only shares the name's words, or a mixed-case word, is still judged by its randomness
    expect(scanSecrets('FORCE_CHANGE_PASSWORD = "Force_Change_Pw2024!"\n', 'secret.generic-password', 'jobs/a.py')).toHaveLength(1);
  });

  it('takes pagination cursors and request ids for tokens that grant nothing, but not access or client tokens', () => {
    const listing = '{\n  "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsfQ9f4d2",\n  "RequestToken": "e48f7c1a9b2d4e3f8a6b",\n  "next_page_token": "Q29udGludWF0aW9uVG9rZW4x"\n}\n';
    expect(scanSecrets(listing, undefined, 'api/list-certificates.json')).toEqual([]);
    for (const name of ['access_token', 'client_token', 'SessionToken']) {
      expect(scanSecrets(`{"${name}": "eyJOZXh0VG9rZW4iOiBudWxsfQ9f4d2"}\n`, 'secret.generic-secret', 'api/auth.json'), name).toHaveLength(1);
    }
  });

  it('takes optimistic-locking tokens and names of the secret stores themselves for no credential, unless a credential word follows', () => {
    const moto = 'KEYS = {\n    "alias/aws/secretsmanager": "fee5173a-3972-428e-ae73-cd4c2a371222",\n}\nself.update_token = "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"\n';
    expect(scanSecrets(moto, undefined, 'moto/kms/utils.py')).toEqual([]);
    expect(scanSecrets('SECRETSMANAGER_ENDPOINT = "fee5173a-3972-428e-ae73-cd4c2a371222"\n', undefined, 'jobs/a.py')).toEqual([]);
    for (const name of ['secret_manager_key', 'SECRETSMANAGER_ACCESS_TOKEN', 'update_secret']) {
      expect(scanSecrets(`${name} = "fee5173a-3972-428e-ae73-cd4c2a371222"\n`, 'secret.generic-secret', 'jobs/a.py'), name).toHaveLength(1);
    }
  });

  it('leaves a known format to its own detector instead of the generic one', () => {
    const findings = scanSecrets(`api_token = "${PAT}"\n`, undefined, 'jobs/a.py');
    expect(findings.map((f) => f.ruleId)).toEqual(['secret.github-personal-access-token']);
  });
});

describe('secrets in every kind of file', () => {
  it('finds secrets in notebook sources and outputs by reading the raw .ipynb JSON', () => {
    const notebook = JSON.stringify(
      {
        cells: [
          { cell_type: 'code', source: ['import boto3\n', `s3 = boto3.client("s3", aws_access_key_id="${KEY_ID}")\n`], outputs: [] },
          { cell_type: 'code', source: ['print(os.environ["WAREHOUSE_URL"])\n'], outputs: [{ output_type: 'stream', text: ['postgresql://etl:Pg5ecretW0rd@warehouse:5432/dw\n'] }] },
        ],
      },
      null,
      1,
    );
    const rules = scanSecrets(notebook, undefined, 'notebooks/explore.ipynb').map((f) => f.ruleId);
    expect(rules).toEqual(['secret.aws-access-key', 'secret.postgres-url']);
  });

  it('finds a password in a Dockerfile ARG and an Airflow connection in ENV', () => {
    const rules = scanSecrets('FROM python:3.12\nARG PIP_INDEX_PASSWORD=Ind3xPassw0rd\nENV AIRFLOW_CONN_DW=postgres://etl:C0nnPw99@dw/db\n', undefined, 'Dockerfile').map((f) => f.ruleId);
    expect(rules).toEqual(['secret.generic-password', 'secret.airflow-connection-uri']);
  });

  it('does not mistake a variable in code for a literal', () => {
    expect(scanSecrets('conn = connect(host=h, password=db_password)\nclient = Client(api_key=settings.API_KEY)\n', undefined, 'etl/db.py')).toEqual([]);
  });

  it('rejects a JWT look-alike whose header is not JSON naming an alg', () => {
    const notJwt = `eyJub3RhaGVhZGVyIjoxfQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl`;
    expect(scanSecrets(`t = "${notJwt}"\n`, 'secret.jwt', 'a.py')).toEqual([]);
  });

  it('pairs an AWS key id with its secret and ranks the pair critical', () => {
    const findings = scanSecrets(`[default]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET_KEY}\n`, undefined, 'home/.aws/credentials');
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['secret.aws-access-key', 'critical'],
      ['secret.aws-secret-access-key', 'critical'],
    ]);
  });

  it('survives hostile input: long runs of key characters, many BEGIN markers, no newlines', () => {
    const inputs = [
      'A'.repeat(2_000_000),
      `password=${'x1'.repeat(500_000)}`,
      '-----BEGIN PRIVATE KEY-----\n'.repeat(20_000),
      `token = "${'ab'.repeat(200_000)}`,
      'postgres://'.repeat(100_000),
      'variable "db_password" {\n'.repeat(50_000),
      'PlainLoginModule required '.repeat(50_000),
      'sv=1&'.repeat(200_000),
      'secret_token_secret_'.repeat(100_000),
      `Server=x;${'a'.repeat(1_000_000)}`,
    ];
    for (const text of inputs) expect(analyzeSecrets(text, 'big.txt').errors).toEqual([]);
  });
});

describe('secrets redacted from the facts', () => {
  it('leaves image references whole, so a password that is also an image name hides neither the image nor its checks', () => {
    const compose = 'services:\n  db:\n    image: postgres:11\n    environment:\n      POSTGRES_PASSWORD: postgres\n      POSTGRES_URL: postgresql://app:postgres@db/app\n';
    const entry = { path: 'docker-compose.yml', absPath: '/scan-root/docker-compose.yml', kind: classify('docker-compose.yml', compose), size: compose.length };
    const result = analyzeText(entry, compose, [composeAnalyzer, secretsAnalyzer]);
    expect(result.findings.some((f) => f.category === 'secret')).toBe(true);
    expect((result.facts.compose as ImageFacts).images.map((i) => `${i.name}:${i.tag}`)).toEqual(['postgres:11']);
    expect(JSON.stringify(result.facts)).not.toContain('app:postgres@');
  });
});

describe('blockchain addresses', () => {
  it('takes a 20-byte 0x address under a token name for the public address it is, and a 32-byte private key for a secret', () => {
    const address = '0x548c20e6c24e4876e20dadbeab75362e2f5a4bc1';
    const key = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
    expect(scanSecrets(`vars:\n  circles_v2_gcrc_token: "${address}"\n`, undefined, 'dbt_project.yml')).toEqual([]);
    expect(scanSecrets(`vars:\n  deployer_private_key: "${key}"\n`, undefined, 'dbt_project.yml').map((f) => f.ruleId)).toEqual(['secret.generic-secret']);
  });
});

describe('credential references', () => {
  it('takes the id a Jenkinsfile names a stored credential by for a reference, and a token beside it for a secret', () => {
    const jenkinsfile = "withCredentials([usernamePassword(credentialsId: '55e7e818-4ccf-4d23-b54c-fd97c21081ba', usernameVariable: 'U', passwordVariable: 'P')]) {\n  sh 'make'\n}\nenvironment {\n  CODECOV_TOKEN = 'afac3345-89ec-41cd-b9ce-17206e10a585'\n}\n";
    expect(scanSecrets(jenkinsfile, undefined, 'Jenkinsfile').map((f) => [f.ruleId, f.location.startLine])).toEqual([['secret.generic-secret', 5]]);
  });
});

describe('libpq keyword/value connection strings', () => {
  it('finds the password of a conninfo string wherever it sits among the keywords, and not one the code fills in', () => {
    const found = (code: string) => scanSecrets(code, 'secret.libpq-conninfo').map((f) => [f.location.startLine, f.message]);
    expect(found('conn = psycopg2.connect("host=34.101.229.192 dbname=postgres user=postgres password=CourseDE888")\n')).toEqual([[1, expect.stringContaining('Cour…')]]);
    expect(found("dsn = \"password='s3cret pw' host=db port=5432\"\n")).toHaveLength(1);
    expect(found('dsn = f"host={host} dbname=x user=u password={password}"\nDSN = "host=db user=u password=%s" % pw\nmasked = "host=db password=***"\n')).toEqual([]);
    expect(found('The password=hunter22 is not a connection string\n')).toEqual([]);
  });
});

describe('user and password pairs in code', () => {
  it('finds a literal pair given to an HTTP or search client, and not a pair from the environment or a weak placeholder', () => {
    const found = (code: string) => scanSecrets(code, 'secret.auth-tuple', 'etl/index.py').map((f) => [f.location.startLine, f.message]);
    expect(found('es = Elasticsearch(hosts=[URL], http_auth=("elastic", "piBb8K7c0ATizq5R725uRy8N"))\n')).toEqual([[1, expect.stringContaining('piBb…')]]);
    expect(found("r = requests.get(url, auth=('svc-loader', 'Wareh0use!Pw'), timeout=10)\nauth = HTTPBasicAuth('etl', 'Tr1ckyPass42')\n")).toHaveLength(2);
    expect(found('r = requests.get(url, auth=("svc", os.environ["PW"]))\nes = Elasticsearch(basic_auth=("elastic", "aaaaaaaa"))\n')).toEqual([]);
    // In a notebook's JSON the quotes of the cell source are escaped.
    const cell = JSON.stringify({ cells: [{ cell_type: 'code', source: ['es = Elasticsearch(http_auth=("elastic", "piBb8K7c0ATizq5R725uRy8N"))\n'] }] });
    expect(scanSecrets(cell, 'secret.auth-tuple', 'load.ipynb')).toHaveLength(1);
  });
});

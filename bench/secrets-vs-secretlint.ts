/**
 * Benchmark: the secrets detector engine against secretlint (recommend preset) on one
 * generated corpus, in one run.
 *
 *   npm run build && node dist/bench/secrets-vs-secretlint.js [--files N]
 *
 * The corpus is code and config (Python, YAML, JSON, .env, Dockerfile) with one planted
 * credential in every third file, of each type secretlint's recommend preset knows. It prints
 * recall per credential type for each tool and the throughput (MB/s) of each. A benchmark, not a
 * test: it exits 0 and says so when secretlint cannot run.
 */
import { base62Crc32 } from '../src/analyzers/secrets/base62-checksum.js';
import { secretScanner } from '../src/analyzers/secrets/findings.js';

/** Goals of the issue: recall at least secretlint's on every type, at 3× its throughput. */
const SPEED_GOAL = 3;

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const chars = (alphabet: string, n: number) => Array.from({ length: n }, () => pick(alphabet.split(''))).join('');
const hex = (n: number) => chars('0123456789abcdef', n);
const b64 = (n: number) => chars(`${B62}+/`, n);

interface Plant {
  type: string;
  secret: string;
  line: string;
}

const PLANTS: Record<string, () => Plant> = {
  'AWS access key id': () => plant('AWS access key id', `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, (s) => `aws_access_key_id = "${s}"`),
  'AWS secret access key': () => plant('AWS secret access key', b64(40), (s) => `AWS_SECRET_ACCESS_KEY="${s}"`),
  'GCP service-account key': () => {
    const body = b64(58);
    const secret = `-----BEGIN PRIVATE KEY-----\\nMIIEvQ${body}\\n${b64(64)}\\n-----END PRIVATE KEY-----\\n`;
    return { type: 'GCP service-account key', secret, line: `{"type": "service_account", "project_id": "acme", "private_key_id": "${hex(40)}", "private_key": "${secret}", "client_email": "etl@acme.iam.gserviceaccount.com"}` };
  },
  'PEM private key': () => {
    const secret = `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${b64(48)}\n${Array.from({ length: 6 }, () => b64(64)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
    return { type: 'PEM private key', secret, line: secret };
  },
  'OpenSSH private key': () => {
    const secret = `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${b64(40)}\n${Array.from({ length: 4 }, () => b64(70)).join('\n')}\n-----END OPENSSH PRIVATE KEY-----`;
    return { type: 'OpenSSH private key', secret, line: secret };
  },
  'npm token': () => checksummed('npm token', 'npm', (s) => `//registry.npmjs.org/:_authToken=${s}`),
  'basic-auth URL': () => plant('basic-auth URL', `Pw${chars(B62, 12)}`, (s) => `INDEX_URL = "https://deploy:${s}@pypi.internal.example.com/simple"`),
  'Slack token': () => plant('Slack token', `xoxb-${chars('0123456789', 12)}-${chars('0123456789', 13)}-${chars(B62, 24)}`, (s) => `SLACK_BOT_TOKEN=${s}`),
  'Slack webhook': () => plant('Slack webhook', `https://hooks.slack.com/services/T${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/B${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8)}/${chars(B62, 24)}`, (s) => `webhook: "${s}"`),
  'SendGrid API key': () => plant('SendGrid API key', `SG.${chars(`${B62}_-`, 22)}.${chars(`${B62}_-`, 43)}`, (s) => `sg = SendGridAPIClient("${s}")`),
  'Shopify token': () => plant('Shopify token', `shpat_${hex(32)}`, (s) => `SHOPIFY_TOKEN = '${s}'`),
  'GitHub token': () => checksummed('GitHub token', 'ghp', (s) => `GITHUB_TOKEN: ${s}`),
  'GitHub fine-grained token': () => plant('GitHub fine-grained token', `github_pat_${chars(B62, 22)}_${chars(B62, 59)}`, (s) => `export GH_TOKEN=${s}`),
  'OpenAI API key': () => plant('OpenAI API key', `sk-proj-${chars(`${B62}_-`, 74)}T3BlbkFJ${chars(`${B62}_-`, 74)}`, (s) => `client = OpenAI(api_key="${s}")`),
  'Anthropic API key': () => plant('Anthropic API key', `sk-ant-api03-${chars(`${B62}_-`, 93)}AA`, (s) => `ANTHROPIC_API_KEY=${s}`),
  'Linear API key': () => plant('Linear API key', `lin_api_${chars(B62, 40)}`, (s) => `LINEAR = "${s}"`),
  '1Password service account token': () => plant('1Password service account token', `ops_${Buffer.from(JSON.stringify({ signInAddress: 'acme.1password.com', userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: b64(22) }, email: `${hex(12)}@acme.1password.com`, srpX: hex(64), muk: { alg: 'A256GCM', ext: true, k: b64(43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' }, secretKey: `A3-${chars(B62, 6)}-${chars(B62, 6)}` })).toString('base64')}`, (s) => `OP_SERVICE_ACCOUNT_TOKEN=${s}`),
  'PostgreSQL URL': () => plant('PostgreSQL URL', `Pg${chars(B62, 12)}`, (s) => `engine = create_engine("postgresql://etl:${s}@warehouse:5432/dw")`),
  'MySQL URL': () => plant('MySQL URL', `My${chars(B62, 12)}`, (s) => `SOURCE_URL=mysql://reader:${s}@orders-db:3306/shop`),
  'MongoDB URL': () => plant('MongoDB URL', `Mg${chars(B62, 12)}`, (s) => `const uri = 'mongodb+srv://ingest:${s}@cluster0.abcde.mongodb.net/events';`),
};

function plant(type: string, secret: string, line: (s: string) => string): Plant {
  return { type, secret, line: line(secret) };
}

function checksummed(type: string, prefix: string, line: (s: string) => string): Plant {
  const body = chars(B62, 30);
  return plant(type, `${prefix}_${body}${base62Crc32(body)}`, line);
}

const FILLER: Record<string, string[]> = {
  py: [
    'import pandas as pd',
    'def clean(df: pd.DataFrame) -> pd.DataFrame:',
    '    df = df.dropna(subset=["customer_id"])',
    '    df["amount"] = df["amount"].astype(float).round(2)',
    '    return df[df["amount"] > 0]',
    'token_count = len(tokenizer.encode(text))',
    'password_field = form.get("password")',
    'api_key = os.environ["VENDOR_API_KEY"]',
    'logger.info("loaded %d rows from %s", len(rows), source)',
    'secret_name = "projects/acme/secrets/warehouse/versions/latest"',
  ],
  yaml: ['apiVersion: batch/v1', 'kind: Job', 'metadata:', '  name: nightly-etl', 'spec:', '  template:', '    spec:', '      containers:', '        - name: etl', '          image: registry.example.com/etl:1.4.2', '          env:', '            - name: WAREHOUSE_PASSWORD', '              valueFrom: {secretKeyRef: {name: warehouse, key: password}}'],
  env: ['LOG_LEVEL=info', 'WAREHOUSE_HOST=warehouse.internal', 'BATCH_SIZE=5000', 'DB_PASSWORD=${DB_PASSWORD}', 'S3_BUCKET=acme-raw-landing'],
  json: ['{', '  "name": "ingest",', '  "schedule": "0 2 * * *",', '  "retries": 3,', '  "sha": "3f786850e387550fdab836ed7e6dc881de23001b",', '  "owner": "data-platform"', '}'],
};

interface CorpusFile {
  path: string;
  text: string;
  plant?: Plant;
}

function corpus(files: number): CorpusFile[] {
  const types = Object.keys(PLANTS);
  return Array.from({ length: files }, (_, i) => {
    const ext = pick(Object.keys(FILLER));
    const lines = Array.from({ length: 60 + Math.floor(random() * 120) }, () => pick(FILLER[ext]!));
    const p = i % 3 === 0 ? PLANTS[types[(i / 3) % types.length]!]!() : undefined;
    if (p) lines.splice(Math.floor(random() * lines.length), 0, p.line);
    return { path: `pipeline/${i}.${ext}`, text: `${lines.join('\n')}\n`, ...(p ? { plant: p } : {}) };
  });
}

interface ToolResult {
  seconds: number;
  found: Map<string, number>;
}

function countFound(found: Map<string, number>, file: CorpusFile, ranges: Array<[number, number]>): void {
  if (!file.plant) return;
  const start = file.text.indexOf(file.plant.secret);
  const end = start + file.plant.secret.length;
  if (ranges.some(([s, e]) => s < end && start < e)) found.set(file.plant.type, (found.get(file.plant.type) ?? 0) + 1);
}

function runPipewarden(files: CorpusFile[]): ToolResult {
  const found = new Map<string, number>();
  const t0 = performance.now();
  const results = files.map((f) => secretScanner.scan(f.text, f.path));
  const seconds = (performance.now() - t0) / 1000;
  files.forEach((f, i) => countFound(found, f, results[i]!.map((h) => [h.start, h.end])));
  return { seconds, found };
}

type SecretlintEngine = { executeOnContent(input: { content: string; filePath: string }): Promise<{ output: string }> };

async function startSecretlint(): Promise<SecretlintEngine | string> {
  try {
    const { createEngine } = await import('@secretlint/node');
    return await createEngine({ formatter: 'json', color: false, maskSecrets: true, configFileJSON: { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] } });
  } catch (err) {
    return `secretlint could not start: ${(err as Error).message}`;
  }
}

async function runSecretlint(engine: SecretlintEngine, files: CorpusFile[]): Promise<ToolResult> {
  const found = new Map<string, number>();
  const outputs: string[] = [];
  const t0 = performance.now();
  for (const f of files) outputs.push((await engine.executeOnContent({ content: f.text, filePath: f.path })).output);
  const seconds = (performance.now() - t0) / 1000;
  files.forEach((f, i) => {
    const parsed = JSON.parse(outputs[i]!) as Array<{ messages: Array<{ range: [number, number] }> }>;
    countFound(found, f, parsed.flatMap((r) => r.messages.map((m) => m.range)));
  });
  return { seconds, found };
}

async function main(): Promise<void> {
  const option = (name: string, fallback: number): number => {
    const at = process.argv.indexOf(name);
    return at === -1 ? fallback : Number(process.argv[at + 1]);
  };
  const files = corpus(option('--files', 3000));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const planted = new Map<string, number>();
  for (const f of files) if (f.plant) planted.set(f.plant.type, (planted.get(f.plant.type) ?? 0) + 1);

  const engine = await startSecretlint();
  // Warm both tools' regex compilers and JITs on a few files. Each tool then scans the corpus once
  // in this process: secretlint's profiler keeps every mark of the process and searches them all
  // for each new one, so a second pass in the same process would be slower than its first.
  runPipewarden(files.slice(0, 50));
  if (typeof engine !== 'string') await runSecretlint(engine, files.slice(0, 50));
  const ours = runPipewarden(files);
  const theirs = typeof engine === 'string' ? engine : await runSecretlint(engine, files);

  const mb = bytes / 1e6;
  console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB, ${[...planted.values()].reduce((a, b) => a + b, 0)} planted credentials`);
  console.log('');
  console.log('| credential type | planted | pipewarden recall | secretlint recall |');
  console.log('| --- | ---: | ---: | ---: |');
  const pct = (n: number | undefined, of: number) => `${(((n ?? 0) / of) * 100).toFixed(0)}%`;
  let recallMet = true;
  for (const [type, n] of planted) {
    const a = ours.found.get(type);
    const b = typeof theirs === 'string' ? undefined : theirs.found.get(type);
    if ((a ?? 0) < (b ?? 0)) recallMet = false;
    console.log(`| ${type} | ${n} | ${pct(a, n)} | ${typeof theirs === 'string' ? 'n/a' : pct(b, n)} |`);
  }
  console.log('');
  console.log('| tool | seconds | MB/s |');
  console.log('| --- | ---: | ---: |');
  console.log(`| pipewarden (detector engine) | ${ours.seconds.toFixed(2)} | ${(mb / ours.seconds).toFixed(1)} |`);
  if (typeof theirs === 'string') {
    console.log(`| secretlint | – | – |\n\n${theirs}`);
    return;
  }
  console.log(`| secretlint 11.7.1 (recommend preset) | ${theirs.seconds.toFixed(2)} | ${(mb / theirs.seconds).toFixed(1)} |`);
  const speedup = theirs.seconds / ours.seconds;
  console.log('');
  console.log(`recall ≥ secretlint on every type: ${recallMet ? 'yes' : 'NO'}; throughput ${speedup.toFixed(1)}× secretlint (goal ${SPEED_GOAL}×: ${speedup >= SPEED_GOAL ? 'met' : 'NOT met'})`);
}

await main();

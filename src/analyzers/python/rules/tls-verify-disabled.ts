import { calls, type CallSite } from '../call-site.js';
import { tlsChecksDisabled } from '../../shell/tls-check-disabled.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { bashTaskCheck, reportScripts, startedCommand, writtenShellScripts, type WrittenShellScript } from '../shell-scripts.js';
import { calleeLabel, reportUnseen } from './dynamic-value.js';
import { HTTPX_CALLS, REQUESTS_CALLS } from './http-clients.js';
import { tlsSwitchedOff } from './tls-client-switches.js';

/** Every callee that takes verify=: module-level helpers, session methods, client constructors. */
const TAKES_VERIFY = [...REQUESTS_CALLS, ...HTTPX_CALLS];

export const tlsVerifyDisabled: PythonRule = {
  id: 'py.tls.verify-disabled',
  title: 'TLS certificate verification disabled',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-295'],
  what:
    'Finds requests calls (module functions and Session methods) and httpx calls and clients (Client, AsyncClient) ' +
    'with verify=False (a verify= value set at run time is reported at low severity), and the same switch in the other ' +
    'clients pipelines use: boto3 clients and resources (verify=False), aiohttp (ssl=False, verify_ssl=False), ' +
    'Elasticsearch/OpenSearch (verify_certs=False), pymongo (tlsAllowInvalidCertificates, tlsInsecure, ssl_cert_reqs=' +
    'CERT_NONE), redis (ssl_cert_reqs=None/"none"), urllib3 pools (cert_reqs="CERT_NONE"), kafka-python ' +
    '(ssl_check_hostname=False), confluent_kafka (enable.ssl.certificate.verification false, ' +
    'ssl.endpoint.identification.algorithm none) and the Snowflake connector (insecure_mode=True). The commands the code ' +
    'runs are read too — os.system and shell=True strings, argv lists of literals, Airflow bash commands — for curl -k, ' +
    'pip --trusted-host, StrictHostKeyChecking=no and the rest of the shell checks.',
  why:
    'Without certificate checks anyone on the network path — a proxy, a compromised VPC peer, a hostile Wi-Fi on a ' +
    'laptop run — can read and rewrite the traffic. Ingestion jobs send API tokens and warehouse credentials and ' +
    'receive the data that becomes training sets and reports, so a man in the middle both steals secrets and ' +
    'poisons the data silently.',
  remediation:
    'Remove verify=False. For internal services with a private CA, point verify at the CA bundle ' +
    '(verify="/etc/ssl/certs/internal-ca.pem") or set REQUESTS_CA_BUNDLE / SSL_CERT_FILE for the job.',
  bad: [
    {
      file: 'ingest/fetch_rates.py',
      code:
        'import requests\n\n' +
        'API = "https://rates.internal.example.com/v2"\n\n\n' +
        'def fetch_rates(day: str, token: str) -> list[dict]:\n' +
        '    response = requests.get(f"{API}/rates", params={"day": day}, headers={"Authorization": f"Bearer {token}"},\n' +
        '                            timeout=30, verify=False)\n' +
        '    response.raise_for_status()\n' +
        '    return response.json()["rates"]\n',
    },
    {
      file: 'ingest/minio_landing.py',
      code:
        'import boto3\n\n' +
        's3 = boto3.client("s3", endpoint_url="https://minio.internal.example.com:9000", verify=False)\n' +
        'body = s3.get_object(Bucket="landing", Key="events/today.jsonl")["Body"].read()\n',
    },
    {
      file: 'ingest/crm_export.py',
      code:
        'import httpx\n\n\n' +
        'async def export_contacts(base_url: str, token: str) -> bytes:\n' +
        '    async with httpx.AsyncClient(base_url=base_url, verify=False, timeout=60) as client:\n' +
        '        response = await client.get("/contacts/export", headers={"Authorization": token})\n' +
        '        return response.content\n',
    },
  ],
  good: [
    {
      file: 'ingest/fetch_rates.py',
      code:
        'import requests\n\n' +
        'API = "https://rates.internal.example.com/v2"\n' +
        'INTERNAL_CA = "/etc/ssl/certs/internal-ca.pem"\n\n\n' +
        'def fetch_rates(day: str, token: str) -> list[dict]:\n' +
        '    session = requests.Session()\n' +
        '    response = session.get(f"{API}/rates", params={"day": day}, headers={"Authorization": f"Bearer {token}"},\n' +
        '                           timeout=30, verify=INTERNAL_CA)\n' +
        '    response.raise_for_status()\n' +
        '    return response.json()["rates"]\n',
    },
    {
      file: 'ingest/minio_landing.py',
      code:
        'import boto3\n\n' +
        's3 = boto3.client("s3", endpoint_url="https://minio.internal.example.com:9000", verify="/etc/ssl/certs/minio-ca.pem")\n' +
        'body = s3.get_object(Bucket="landing", Key="events/today.jsonl")["Body"].read()\n',
    },
  ],
  bandit: ['B501'],
  references: [
    'https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification',
    'https://www.python-httpx.org/advanced/ssl/',
    'https://cwe.mitre.org/data/definitions/295.html',
  ],
  onNode: bashTaskCheck(checksOff),
  onCall(call, ctx) {
    reportScripts(ctx, writtenShellScripts(call, ctx), checksOff);
    reportArgv(call, ctx);
    const switched = tlsSwitchedOff(call, ctx);
    if (switched) ctx.report(call.node, { message: `${calleeLabel(call)} is called with ${switched.setting}, so TLS certificates are not checked` });
    if (!calls(call, TAKES_VERIFY)) return;
    const verify = call.keywords.get('verify');
    if (!verify) {
      if (call.hasSplat) reportUnseen(ctx, call, 'verify=False');
      return;
    }
    if (ctx.kindOf(verify) === 'unknown') {
      ctx.report(call.node, {
        message: `${calleeLabel(call)} takes verify= from a run-time value; if it is ever False, TLS certificates go unchecked`,
        severity: 'low',
        confidence: 'medium',
      });
      return;
    }
    // Strings (CA bundle paths) and True verify; None falls back to the default, which verifies.
    const value = ctx.constantOf(verify);
    if (value === undefined || value === null || ctx.truthOf(verify)) return;
    ctx.report(call.node, { message: `${calleeLabel(call)} is called with verify=False, so TLS certificates are not checked` });
  },
};

/** What in a shell command the code writes out (os.system, shell=True, BashOperator, `bash -c`) switches certificate or host key checks off. */
function checksOff(script: WrittenShellScript) {
  return tlsChecksDisabled(script.commands);
}

/** A program started from an argv of literals (`["curl", "-k", url]`), read as the one command it is. */
function reportArgv(call: CallSite, ctx: PythonContext): void {
  const started = startedCommand(call, ctx);
  if (!started) return;
  for (const off of tlsChecksDisabled([started.command])) {
    const node = started.nodes.find((n) => n.startIndex === off.start);
    if (node) ctx.report(node, { message: `${calleeLabel(call)}: ${off.message}` });
  }
}

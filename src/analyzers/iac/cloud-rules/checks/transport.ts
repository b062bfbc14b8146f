import type { CheckDocs } from '../rule.js';

const CLEARTEXT = 'https://cwe.mitre.org/data/definitions/319.html';

export const HTTP_LISTENER: CheckDocs = {
  title: 'Load balancer listener serves plain HTTP',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what: 'Finds ALB listeners on HTTP whose default action is not a redirect to HTTPS.',
  why: 'Ingestion endpoints and internal UIs behind the load balancer then take uploads, tokens and session cookies in cleartext.',
  remediation: 'Serve HTTPS with a certificate and make the HTTP listener only redirect to HTTPS.',
  references: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html', CLEARTEXT],
};

export const MSK_PLAINTEXT: CheckDocs = {
  title: 'MSK cluster allows plaintext Kafka traffic',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-319'],
  what: 'Finds MSK clusters whose client-broker encryption allows PLAINTEXT (or TLS_PLAINTEXT), or that turn in-cluster encryption off.',
  why: 'Every event of the pipeline crosses the wire between producers, brokers and consumers; plaintext listeners expose them and any SASL/PLAIN credentials to anyone on the network path.',
  remediation: 'Set client_broker (ClientBroker) to TLS and keep in-cluster encryption on.',
  references: ['https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html', CLEARTEXT],
};

/** Connection strings that turn TLS off or let it be downgraded. */
const CLEARTEXT_CONNECTION = /\b(sslmode=(disable|allow|prefer)|usessl=false|ssl=false|sslmode=disabled|encrypt=false)\b/i;

export function cleartextConnection(text: string): string | undefined {
  return CLEARTEXT_CONNECTION.exec(text)?.[0];
}

export const SSLMODE_DISABLED: CheckDocs = {
  title: 'Database connection string does not require TLS',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what: 'Finds connection strings in resource settings (Glue connections, environment variables, parameters) with sslmode=disable/allow/prefer, useSSL=false, ssl=false or encrypt=false.',
  why: 'With these settings the client talks to the database in cleartext, or falls back to it when an attacker on the path strips TLS — credentials and every row go over the wire readable.',
  remediation: 'Use sslmode=verify-full (or require at least) and the equivalent TLS-verifying options of other drivers.',
  references: ['https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION', CLEARTEXT],
};

export const DMS_ENDPOINT_NO_SSL: CheckDocs = {
  title: 'DMS endpoint connects to its database without TLS',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what: 'Finds DMS database endpoints whose SSL mode is none (the default).',
  why: 'DMS copies whole databases; without TLS every replicated row and the endpoint credentials cross the network in cleartext.',
  remediation: 'Set ssl_mode (SslMode) to verify-full, or require where the engine does not support verification.',
  references: ['https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Security.SSL.html', CLEARTEXT],
};

/** DMS engines that are databases speaking TLS; S3, Kinesis and the like have no SSL mode. */
export const DMS_SSL_ENGINES = ['postgres', 'mysql', 'mariadb', 'aurora', 'aurora-postgresql', 'sqlserver', 'oracle', 'sybase', 'db2', 'mongodb', 'docdb', 'redshift'];

export const SERVER_TLS_NOT_ENFORCED: CheckDocs = {
  title: 'Managed database, cache or storage account accepts connections without TLS',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what:
    'Finds servers set to accept cleartext or old TLS: Azure PostgreSQL/MySQL/MariaDB `ssl_enforcement_enabled = false` ' +
    'or a TLS minimum below 1.2, flexible servers\' `require_secure_transport` off, Azure SQL `minimum_tls_version` below ' +
    '1.2, Azure Cache for Redis\' non-TLS port or TLS minimum below 1.2, storage accounts that take HTTP or TLS below ' +
    '1.2, and Cloud SQL instances that allow unencrypted connections (`require_ssl = false`, ' +
    '`ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"`).',
  why:
    'The server is where TLS can be made mandatory for every client; once it accepts cleartext, one misconfigured job ' +
    'or a downgrade on the path sends credentials and every row readable over the network.',
  remediation: 'Require TLS on the server (ssl_enforcement_enabled = true, require_secure_transport = ON, ssl_mode = "ENCRYPTED_ONLY") with TLS 1.2 as the minimum.',
  references: ['https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls', 'https://cloud.google.com/sql/docs/postgres/configure-ssl-instance', CLEARTEXT],
};


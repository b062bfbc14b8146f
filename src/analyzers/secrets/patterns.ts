import { shannonEntropy } from './entropy.js';
import type { Candidate, Verdict } from './secret-rule.js';

/**
 * Pattern pieces the detectors share, as regex source. Keeping them here keeps each rule module
 * to its format and its docs.
 */

/** A token starts where no word character (or dash) precedes it and ends where none follows. */
export function token(body: string, flags = ''): RegExp {
  return new RegExp(`(?<![A-Za-z0-9_-])(?<secret>${body})(?![A-Za-z0-9_-])`, flags);
}

/**
 * `NAME = "value"`, `NAME: value`, `"NAME": "value"`, `NAME=value` (.env, Dockerfile ENV/ARG,
 * YAML, JSON, code), `NAME := value`, `NAME => value`, quotes JSON-escaped too (a notebook's
 * raw JSON), and the legacy Dockerfile form `ENV NAME value`.
 */
export function assigned(name: string, value: string, flags = ''): RegExp {
  const operator = String.raw`(?:\\?["'])?[ \t]*(?::=|=>|=|:)[ \t]*|(?<=^[ \t]*(?:ENV|ARG)[ \t]+[\w.-]+)[ \t]+`;
  return new RegExp(String.raw`(?<name>${name})(?:${operator})(?:\\?["'\x60])?(?<secret>${value})`, `m${flags}`);
}

/** Characters of an unquoted credential value: no whitespace, quotes or separators. */
export const VALUE_CHAR = String.raw`[^\s"'\x60\\,;<>(){}\[\]]`;

/** Characters of a quoted credential value: anything but whitespace, quotes and escapes. */
export const QUOTED_CHAR = String.raw`[^\s"'\x60\\]`;

/** `scheme://user:password@host` for the given schemes; the password is the secret. */
export function urlWithPassword(schemes: string, flags = 'i'): RegExp {
  return new RegExp(
    String.raw`(?<![\w+.-])(?<scheme>${schemes})://(?<user>[^\s:@/"'\x60]*):(?<secret>[^\s:@/"'\x60]+)@(?<host>[^\s/"'\x60?#@]+)`,
    flags,
  );
}

/** Base64 alphabet, with the URL-safe characters. */
export const BASE64 = String.raw`[A-Za-z0-9+/_-]`;

/** Hosts reserved for documentation (RFC 2606, RFC 6761): no real service answers there. */
const DOCUMENTATION_HOST = /(?:^|\.)(?:example\.(?:com|net|org)|[^.]+\.(?:example|test|invalid))$/i;

/** `host:port`, `hostname`, `server`: the generic parts of a URL template (`https://user:pass@host:port/path`). */
const TEMPLATE_HOST = /^(?:host(?:name)?|server|domain)(?::(?:\d+|port))?$|:port$/i;

/** Detector fields shared by the `scheme://user:password@host` rules (`scheme+driver://` too). */
export function passwordUrl(...schemes: string[]): {
  anchors: string[];
  pattern: RegExp;
  specificity: 'structure';
  cwe: string[];
  verify: (candidate: Pick<Candidate, 'groups'>) => Verdict | undefined;
} {
  return {
    anchors: schemes.flatMap((s) => [`${s}://`, `${s}+`]),
    pattern: urlWithPassword(schemes.map((s) => `${s}(?:\\+[a-z0-9]+)?`).join('|')),
    specificity: 'structure',
    cwe: ['CWE-798', 'CWE-259'],
    verify: ({ groups }) => {
      if (TEMPLATE_HOST.test(groups.host ?? '')) return { doubt: `${groups.host} is a slot to fill in, so this is a template` };
      const host = (groups.host ?? '').replace(/:\d+$/, '');
      return DOCUMENTATION_HOST.test(host) ? { doubt: `${host} is a documentation domain, so this is probably an example` } : undefined;
    },
  };
}

/**
 * A PEM-style armoured block `-----BEGIN <label>-----` … `-----END <label>-----`, its body in
 * base 64 with optional headers, line breaks raw or JSON-escaped (`\n` in a notebook or key file).
 */
export function armouredBlock(label: string): RegExp {
  // The body may hold single dashes (DEK-Info: AES-128-CBC) but never five: a run of BEGIN
  // markers without an END then costs one pass, not one pass per marker.
  return new RegExp(String.raw`(?<secret>-----BEGIN ${label}-----(?:\\[rn]|\s)+(?<body>(?:[A-Za-z0-9+/=:,. \t\r\n\\]|-(?!----)){40,}?)-----END ${label}-----)`);
}

/** Base-64 characters of an armoured body, headers and escapes left out. */
export function armouredPayload(body: string): string {
  return body
    .split(/\\[rn]|\s+/)
    .filter((part) => !part.includes(':'))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
}

/**
 * A literal assigned to a name containing `keyword`: quoted anywhere (`key = "…"`, `"key": "…"`,
 * `key=…` inside a call), or unquoted only where a whole line is the assignment (.env, YAML,
 * properties, `export`, Dockerfile `ENV`/`ARG`, compose `- KEY=value`) — in code an unquoted
 * right-hand side is a variable, not a secret.
 */
export function namedLiteral(keyword: string, quotedValue: string, bareValue: string): RegExp {
  const operator = String.raw`(?:\\?["'])?[ \t]*(?::=|=>|=|:)[ \t]*`;
  const quoted = String.raw`(?<name>${keyword}[\w.-]{0,40})${operator}\\?["'\x60](?<secret>${quotedValue})\\?["'\x60]`;
  const bare = String.raw`^[ \t]*(?:export[ \t]+|-[ \t]+|(?:ENV|ARG)[ \t]+)?["']?(?<name2>[\w.-]{0,40}?${keyword}[\w.-]{0,40})${operator}(?<secret2>${bareValue})[ \t]*(?:#.*)?\r?$`;
  return new RegExp(`${quoted}|${bare}`, 'im');
}

/** `arn:partition:service:…` (partition `*` or `${AWS::Partition}` in policies): the name of a resource, never its key. */
const AMAZON_RESOURCE_NAME = /^arn:(?:aws[a-z-]*|\*|\$\{[\w:.-]+\}):[a-z0-9*-]+:/;

/**
 * A mapping key that is a resource type (`"AWS::IAM::AccessKey": …`, `AWS::SecretsManager::Secret:`):
 * what it maps to describes the type (a schema hash, a doc link), it is not a credential. An
 * assignment with `=` to a qualified name (Ruby's `Config::Api::SECRET = …`) is still a constant.
 */
const TYPE_NAME_PREFIX = /[A-Za-z]\w*::[A-Za-z]\w*::$/;
const MAPPING_KEY_END = /^(?:\\?["'])?[ \t]*:(?!=)/;

function isResourceTypeKey({ groups, index, text }: Candidate): boolean {
  const name = groups.name;
  return name !== undefined && TYPE_NAME_PREFIX.test(text.slice(Math.max(0, index - 80), index)) && MAPPING_KEY_END.test(text.slice(index + name.length, index + name.length + 8));
}

/** An ISO 8601 date or time (`"PasswordLastUsed": "2016-09-24T16:18:07Z"`): when, not what. */
const TIMESTAMP = /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$/;
/**
 * An Ethereum-style account or contract address (`gcrc_token: "0x548c…"`, 20 bytes): public by
 * design. A private key is 32 bytes (64 hex digits) and stays a candidate.
 */
const CHAIN_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/**
 * The check shared by the detectors that judge a literal by its name and its randomness: enough
 * bits per character, not a name, a path or a timestamp, and not the value of a resource type's key.
 */
export function randomLiteral(minEntropy: number): (candidate: Candidate) => Verdict | undefined {
  return (candidate) =>
    shannonEntropy(candidate.secret) >= minEntropy &&
    !looksLikeIdentifier(candidate.secret) &&
    !TIMESTAMP.test(candidate.secret) &&
    !CHAIN_ADDRESS.test(candidate.secret) &&
    !isResourceTypeKey(candidate) &&
    !namesItself(candidate)
      ? undefined
      : { reject: true };
}

/**
 * `FORCE_CHANGE_PASSWORD = "FORCE_CHANGE_PASSWORD"`, `WaitForTaskToken = "waitForTaskToken"`: an
 * enum member or constant whose value is its own name, compared without case and separators.
 */
function namesItself(candidate: Candidate): boolean {
  const folded = (value: string) => value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const name = assignedName(candidate);
  // A qualified key names itself by its last part (`AttributeOID.CHALLENGE_PASSWORD: "challengePassword"`).
  return [name, name.slice(name.lastIndexOf('.') + 1)].some((n) => folded(n) === folded(candidate.secret));
}

/** The whole name a literal is assigned to (`WaitForTaskToken`), where the pattern captured it from its keyword on. */
export function assignedName({ groups, index, text }: Candidate): string {
  // The quoted shape's name starts at the keyword; the rest of the name is written before it.
  const before = groups.name !== undefined ? (/[\w.-]*$/.exec(text.slice(Math.max(0, index - 80), index))?.[0] ?? '') : '';
  return before + (groups.name ?? groups.name2 ?? '');
}

/**
 * Names and words, not secrets: a value whose parts (split at - _ . / and brackets) are each a word of one
 * case or a short number (`db-password-prod`, `DB_PASSWORD_SECRET`,
 * `projects/acme/secrets/db/versions/latest`) names a secret kept elsewhere, and one of
 * capitalised words is a header, type or field name (`Access-Control-Allow-Credentials`,
 * `DistributionList.NextMarker`); so do a URL, a URN (`urn:ietf:params:oauth:token-type:jwt`), a
 * file path, an ARN and a qualified class name (`google_oauth2.Credentials` as a type annotation).
 * A lower-case word inside the value may end in a digit or two (`google_oauth2_credentials`).
 */
export function looksLikeIdentifier(value: string): boolean {
  if (/:\/\/|^[~.]?\/|^urn:[a-z0-9][a-z0-9-]*:/i.test(value) || AMAZON_RESOURCE_NAME.test(value) || QUALIFIED_CLASS.test(value)) return true;
  const parts = value.split(/[-_./[\]]/).filter(Boolean);
  const words = (pattern: RegExp) => parts.every((p) => pattern.test(p) || /^\d{1,4}$/.test(p));
  // Digits after the last word are how people lengthen a password (`summer_fun1`), so only inner words take them.
  const lowerWords = parts.every((p, i) => (i < parts.length - 1 ? /^[a-z]+\d{0,2}$/ : /^[a-z]+$/).test(p) || /^\d{1,4}$/.test(p));
  return parts.length >= 2 && (lowerWords || words(/^[A-Z]+$/) || words(/^[A-Z][a-z]*$/) || words(PASCAL_CASE));
}

const QUALIFIED_CLASS = /^(?:[a-z][a-z0-9_]*\.)+[A-Z][A-Za-z0-9]*$/;

/** `NextMarker`, `ExclusiveStartShardId`: capitalised humps that each hold a vowel, as words do and random letters rarely. */
const PASCAL_CASE = /^(?:[AEIOUY][a-z]*|[A-Z][a-z]*[aeiouy][a-z]*)+$/;

/**
 * A field or type name of three or more capitalised words (`LastEvaluatedTableName`), or one in
 * camel case (`gcpSecretManagerCertificateConfig`): no random token. A password may well be made
 * so (`MyDogRex`), so only the random-token detector asks.
 */
export function isPascalCaseName(value: string): boolean {
  const humps = /^[a-z]+(?=[A-Z])/.exec(value)?.[0].length ?? 0;
  return PASCAL_CASE.test(value.slice(humps)) && (value.match(/[A-Z]/g)?.length ?? 0) >= 3;
}

import type { InlineMarker, MarkerScope } from './inline.js';
import { withoutJsonLineEnd } from './json-line-end.js';

/*
 * Other scanners' suppression comments. A team moving to pipewarden has reviewed these lines
 * already; reporting them again as new findings would bury what nobody has looked at. They
 * suppress (listed, counted, never dropped) and can be turned off with --no-foreign-markers.
 */

/** Bandit's test names, which `# nosec` accepts in place of ids (`# nosec assert_used`). */
const BANDIT_TEST_NAMES: Readonly<Record<string, string>> = {
  assert_used: 'B101', exec_used: 'B102', set_bad_file_permissions: 'B103', hardcoded_bind_all_interfaces: 'B104',
  hardcoded_password_string: 'B105', hardcoded_password_funcarg: 'B106', hardcoded_password_default: 'B107',
  hardcoded_tmp_directory: 'B108', try_except_pass: 'B110', try_except_continue: 'B112', request_without_timeout: 'B113',
  flask_debug_true: 'B201', tarfile_unsafe_members: 'B202', pickle: 'B301', marshal: 'B302', md5: 'B303', ciphers: 'B304',
  cipher_modes: 'B305', mktemp_q: 'B306', eval: 'B307', urllib_urlopen: 'B310', random: 'B311', telnetlib: 'B312',
  xml_bad_cElementTree: 'B313', xml_bad_ElementTree: 'B314', xml_bad_expatreader: 'B315', xml_bad_expatbuilder: 'B316',
  xml_bad_sax: 'B317', xml_bad_minidom: 'B318', xml_bad_pulldom: 'B319', xml_bad_etree: 'B320', ftplib: 'B321',
  unverified_context: 'B323', hashlib_insecure_functions: 'B324', import_telnetlib: 'B401', import_ftplib: 'B402',
  request_with_no_cert_validation: 'B501', ssl_with_bad_version: 'B502', ssl_with_bad_defaults: 'B503',
  ssl_with_no_version: 'B504', weak_cryptographic_key: 'B505', yaml_load: 'B506', ssh_no_host_key_verification: 'B507',
  paramiko_calls: 'B601', subprocess_popen_with_shell_equals_true: 'B602', any_other_function_with_shell_equals_true: 'B604',
  start_process_with_a_shell: 'B605', hardcoded_sql_expressions: 'B608', linux_commands_wildcard_injection: 'B609',
  logging_config_insecure_listen: 'B612', trojansource: 'B613', pytorch_load: 'B614', huggingface_unsafe_download: 'B615',
  jinja2_autoescape_false: 'B701', use_of_mako_templates: 'B702',
};

/** Bandit: `# nosec` covers the line; `# nosec B301, B403`, `# nosec: B301` or `# nosec pickle` only those tests. */
const BANDIT: InlineMarker = {
  tool: 'bandit',
  coversLineBelow: false,
  parse(text) {
    const match = /#\s*nosec\b:?([^#]*)/.exec(text);
    if (!match) return undefined;
    const tail = match[1] ?? '';
    // Split on anything but word characters: in a notebook the line ends in an escaped `\n",`.
    const ids = tail.split(/\W+/).flatMap((word) => (/^B\d{3}$/.test(word) ? [word] : Object.hasOwn(BANDIT_TEST_NAMES, word) ? [BANDIT_TEST_NAMES[word]!] : []));
    return { scope: ids.length > 0 ? { bandit: ids } : { all: true }, reason: reasonFrom('bandit', '# nosec', tail) };
  },
};

/**
 * Ruff and flake8-bandit: `# noqa: S301` is Bandit's B301 under its linter code. A bare `# noqa`
 * or one listing only style codes silences a linter, which says nothing about security.
 */
const RUFF: InlineMarker = {
  tool: 'ruff',
  coversLineBelow: false,
  parse(text) {
    const match = /#\s*noqa:\s*([A-Z]+\d+(?:[\s,]+[A-Z]+\d+)*)/.exec(text);
    const ids = (match?.[1]?.match(/\bS\d{3}\b/g) ?? []).map((code) => `B${code.slice(1)}`);
    return ids.length > 0 ? { scope: { bandit: ids }, reason: reasonFrom('ruff', '# noqa', `: ${match![1]}`) } : undefined;
  },
};

/**
 * Semgrep: `# nosemgrep` (or `// nosem`) covers the line, also from a comment line above it.
 * Rule ids after it are Semgrep's own; only ids that are pipewarden rule ids can match anything.
 */
const SEMGREP: InlineMarker = {
  tool: 'semgrep',
  coversLineBelow: true,
  parse(text) {
    const match = /(?:#|\/\/|--)\s*nosem(?:grep)?\b(?::\s*([\w.\-/, ]+))?/.exec(text);
    if (!match) return undefined;
    const rules = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
    return { scope: rules.length > 0 ? { rules } : { all: true }, reason: reasonFrom('semgrep', 'nosemgrep', match[1] ? `: ${match[1]}` : '') };
  },
};

/** A marker of a secrets scanner: it speaks for the secret findings on its line only. */
function secretsMarker(tool: string, pattern: RegExp, label: string): InlineMarker {
  const scope: MarkerScope = { category: 'secret' };
  return { tool, coversLineBelow: false, parse: (text) => (pattern.test(text) ? { scope, reason: `${tool}: ${label}` } : undefined) };
}

export const FOREIGN_MARKERS: readonly InlineMarker[] = [
  BANDIT,
  RUFF,
  SEMGREP,
  secretsMarker('gitleaks', /gitleaks:allow\b/, 'gitleaks:allow'),
  secretsMarker('detect-secrets', /pragma:\s*allowlist[ -]secret\b/, 'pragma: allowlist secret'),
];

/** The marker as written, which is all the justification another tool's comment carries. */
function reasonFrom(tool: string, marker: string, tail: string): string {
  return `${tool}: ${marker}${withoutJsonLineEnd(tail)}`.replace(/\s+/g, ' ').trim();
}

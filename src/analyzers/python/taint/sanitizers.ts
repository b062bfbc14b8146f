import type { SinkFamily } from './sinks.js';

/**
 * Calls whose result no longer carries the attacker's text in a dangerous shape. `stops`
 * lists the sink families the result is safe for ('all' for casts and schema validation);
 * for any other family the flow goes on, marked validated.
 */
export interface SanitizerSpec {
  names?: readonly string[];
  methods?: readonly string[];
  under?: readonly string[];
  stops: 'all' | readonly SinkFamily[];
}

/** Functions that quote text for a POSIX shell, so that it stays one word. */
export const SHELL_QUOTING: readonly string[] = ['shlex.quote', 'pipes.quote', 'shlex.join'];

/** Functions that escape text for HTML, or clean markup down to an allow-list. */
export const HTML_ESCAPING: readonly string[] = ['html.escape', 'markupsafe.escape', 'jinja2.escape', 'flask.escape', 'django.utils.html.escape', 'xml.sax.saxutils.escape', 'bleach.clean', 'nh3.clean'];

export const SANITIZERS: readonly SanitizerSpec[] = [
  { names: ['builtins.int', 'builtins.float', 'builtins.bool', 'builtins.len', 'builtins.isinstance', 'builtins.hash', 'builtins.id', 'builtins.round', 'builtins.abs', 'uuid.UUID', 'decimal.Decimal', 'datetime.date.fromisoformat', 'datetime.datetime.fromisoformat', 'datetime.datetime.strptime', 'ipaddress.ip_address'], stops: 'all' },
  // Descriptor numbers and stream offsets: an int, whatever stream it was asked of.
  { names: ['os.dup', 'os.dup2'], methods: ['fileno', 'tell'], stops: 'all' },
  { names: SHELL_QUOTING, stops: ['command-injection'] },
  { names: ['re.escape'], stops: ['regex-injection'] },
  { names: ['os.path.basename', 'werkzeug.utils.secure_filename'], stops: ['path-traversal'] },
  { names: HTML_ESCAPING, stops: ['template-injection', 'html-injection'] },
  { names: ['psycopg2.sql.Identifier', 'psycopg2.sql.Literal', 'psycopg.sql.Identifier', 'psycopg.sql.Literal'], stops: ['sql-injection'] },
  { names: ['hashlib.sha256', 'hashlib.md5', 'hashlib.sha1'], stops: ['code-injection', 'command-injection', 'sql-injection', 'template-injection', 'credential-logging'] },
  // A JSON string is a safe literal for Python and (double-quoted) SQL, not for a shell, where
  // "$(…)" still runs, nor a template, where {{ … }} still renders; and it logs the secret whole.
  { names: ['json.dumps'], stops: ['code-injection', 'sql-injection'] },
  { names: ['ast.literal_eval'], stops: ['code-injection'] },
  // Bytes pickled here hold only the object given, however it was filled: loading them back builds that object.
  { names: ['pickle.dumps', '_pickle.dumps', 'cPickle.dumps', 'dill.dumps', 'cloudpickle.dumps'], stops: ['deserialization'] },
  { names: ['pydantic.TypeAdapter().validate_python'], stops: 'all' },
  { methods: ['model_validate', 'model_validate_json', 'parse_obj', 'parse_raw'], stops: 'all' },
  { methods: ['validate'], under: ['pandera', 'great_expectations', 'jsonschema'], stops: 'all' },
  // A frame's HTML table escapes its cells unless told not to; to_html(escape=False), and a Styler's to_html, are sinks of their own.
  { methods: ['to_html'], stops: ['html-injection'] },
  { methods: ['astype'], stops: ['sql-injection', 'command-injection', 'code-injection', 'path-traversal', 'formula-injection'] },
];

/** Bases of classes whose construction validates what they are given (pydantic models). */
export const VALIDATING_BASES = ['pydantic.BaseModel', 'pydantic.main.BaseModel', 'pydantic.dataclasses.dataclass'];

/** Statement-level validators: after `jsonschema.validate(x, schema)` runs, x has been checked. */
export const VALIDATING_CALLS = ['jsonschema.validate', 'jsonschema.Draft7Validator().validate', 'jsonschema.Draft202012Validator().validate'];
export const VALIDATING_METHODS = ['validate', 'validate_python', 'expect_column_values_to_be_in_set', 'expect_column_values_to_match_regex'];

/** Predicates that, guarding a use, confine a string to a safe shape. */
export const CHECKING_METHODS = new Set(['isdigit', 'isdecimal', 'isnumeric', 'isalnum', 'isalpha', 'isidentifier']);
export const MATCHERS = ['re.fullmatch', 're.match'];

/** Unknown library functions named like this are taken to neutralise what they are given. */
export const SANITIZING_NAME = /(?:^|[._])(sanitize|sanitise|neutrali[sz]e|escape|quote)\w*$/i;

export function matchSanitizer(name: string, method: string | undefined): SanitizerSpec | undefined {
  for (const spec of SANITIZERS) {
    if (spec.names?.includes(name)) return spec;
    if (method && spec.methods?.includes(method) && (!spec.under || spec.under.some((u) => name.startsWith(u)))) return spec;
  }
  return undefined;
}

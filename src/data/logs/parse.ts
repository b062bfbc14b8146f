export const LOG_LEVELS = ['critical', 'error', 'warning', 'info', 'debug', 'unknown'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface LogRecord {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  level: LogLevel;
  message: string;
  /** Exception class names the record names (from a traceback's last line, an `exc_info`, or the message). */
  exceptions: string[];
}

const LEVEL_WORDS: Record<string, LogLevel> = {
  critical: 'critical', crit: 'critical', fatal: 'critical', emerg: 'critical', emergency: 'critical', alert: 'critical', panic: 'critical',
  error: 'error', err: 'error', exception: 'error', severe: 'error',
  warning: 'warning', warn: 'warning',
  info: 'info', notice: 'info', information: 'info',
  debug: 'debug', trace: 'debug', fine: 'debug',
};
const LEVEL = '(CRITICAL|FATAL|ERROR|EXCEPTION|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE)';
const TIMESTAMP = '\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:[,.]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d| ?UTC)?';

/** Text formats, tried in order; each yields [level, message] (level may be undefined: syslog without priority). */
const TEXT_FORMATS: Array<{ pattern: RegExp; level: (m: RegExpExecArray) => LogLevel | undefined; message: (m: RegExpExecArray) => string }> = [
  // Airflow task log: [2024-05-01, 12:00:00 UTC] {taskinstance.py:1234} ERROR - message
  { pattern: /^\[[^\]]+\]\s+\{[^}]*\}\s+([A-Z]+)\s+-\s?(.*)$/, level: (m) => levelOf(m[1]!), message: (m) => m[2]! },
  // Python logging: 2024-05-01 12:00:00,123 - name - ERROR - message (and the same with | or spaces)
  { pattern: new RegExp(`^\\[?${TIMESTAMP}\\]?\\s*(?:[-|:]\\s*)?(?:\\S+\\s*[-|]\\s*)?\\[?${LEVEL}\\]?\\s*(?:[-|:]\\s*|\\s)(.*)$`, 'i'), level: (m) => levelOf(m[1]!), message: (m) => m[2]! },
  // logging.basicConfig default: ERROR:root:message
  { pattern: new RegExp(`^${LEVEL}:([^:\\s]*):(.*)$`), level: (m) => levelOf(m[1]!), message: (m) => m[3]! },
  // RFC 5424 syslog: <11>1 2024-05-01T12:00:00Z host app 123 ID47 - message
  { pattern: /^<(\d{1,3})>1 \S+ \S+ \S+ \S+ \S+ (?:-|\[.*?\]) ?(.*)$/, level: (m) => syslogLevel(Number(m[1])), message: (m) => m[2]! },
  // BSD syslog: <11>May  1 12:00:00 host app[123]: message (priority optional)
  { pattern: /^(?:<(\d{1,3})>)?[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \S+ [^:[\s]+(?:\[\d+\])?: (.*)$/, level: (m) => (m[1] ? syslogLevel(Number(m[1])) : undefined), message: (m) => m[2]! },
];

/** Only the start of a message is searched for exception names: bounds the work a hostile line can cause. */
export const SCANNED_LENGTH = 2000;

/**
 * An exception class: named like one (`ValueError`, `botocore.exceptions.ClientError`), or a class
 * of a module of errors printed as Python prints an exception, before a colon
 * (`psycopg2.errors.UndefinedColumn: column "amt" does not exist`).
 */
const EXCEPTION_NAME = String.raw`(?:[A-Za-z_][\w]*\.)*[A-Z][A-Za-z0-9_]*(?:Error|Exception|Exit|Interrupt|Fault)|(?:[A-Za-z_][\w]*\.)*(?:errors|exceptions|exc)\.[A-Z][A-Za-z0-9_]*(?=:)`;
const EXCEPTION = new RegExp(String.raw`\b(${EXCEPTION_NAME})\b`, 'g');
const TRACEBACK_END = new RegExp(String.raw`^(${EXCEPTION_NAME})(?::\s|$)`);
const CONTINUATION = /^(?:\s|Traceback \(most recent call last\):|During handling of the above exception|The above exception was the direct cause)/;

/**
 * Splits a log into records. Each line is tried as a JSON object, then as one of the text formats;
 * a line that matches none — a traceback frame, the exception line that ends it, a wrapped
 * message — continues the record before it.
 */
export function parseLog(text: string, file: string): LogRecord[] {
  const records: LogRecord[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((written, i) => {
    const raw = shownText(written);
    if (raw.trim() === '') return;
    const parsed = parseLine(raw);
    const previous = records.at(-1);
    if (!parsed && previous && (CONTINUATION.test(raw) || TRACEBACK_END.test(raw.slice(0, SCANNED_LENGTH)))) {
      const end = TRACEBACK_END.exec(raw.slice(0, SCANNED_LENGTH));
      if (end) addException(previous, end[1]!);
      return;
    }
    const record: LogRecord = { file, line: i + 1, level: parsed?.level ?? levelFromWords(raw), message: parsed?.message ?? raw.trim(), exceptions: [] };
    for (const name of parsed?.exceptions ?? []) addException(record, name);
    if (record.level === 'error' || record.level === 'critical') for (const m of record.message.slice(0, SCANNED_LENGTH).matchAll(EXCEPTION)) addException(record, m[1]!);
    records.push(record);
  });
  return records;
}

/**
 * What a terminal shows of a line that redraws itself with carriage returns (progress counters:
 * `(Reading database ... 5%\r(Reading database ... 10%\r…`): the last text written.
 */
function shownText(line: string): string {
  const parts = line.split('\r').filter((part) => part.trim() !== '');
  return parts.at(-1) ?? '';
}

function parseLine(raw: string): { level: LogLevel; message: string; exceptions: string[] } | undefined {
  const trimmed = raw.trim();
  if (trimmed.startsWith('{')) {
    const json = parseJson(trimmed);
    if (json) return fromJson(json);
  }
  for (const format of TEXT_FORMATS) {
    const m = format.pattern.exec(trimmed);
    if (m) return { level: format.level(m) ?? levelFromWords(format.message(m)), message: format.message(m).trim(), exceptions: [] };
  }
  return undefined;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** structlog, python-json-logger, Bunyan/pino (numeric levels), ECS (`log.level`) and Cloud Logging (`severity`) shapes. */
function fromJson(json: Record<string, unknown>): { level: LogLevel; message: string; exceptions: string[] } {
  const pick = (...keys: string[]) => keys.map((k) => json[k]).find((v) => v !== undefined && v !== null);
  const levelValue = pick('level', 'levelname', 'severity', 'log.level', 'lvl', 'loglevel') ?? (json['log'] as Record<string, unknown> | undefined)?.['level'];
  const message = String(pick('message', 'msg', 'event', '@message', 'text') ?? JSON.stringify(json));
  const errorField = pick('exc_info', 'exception', 'exc_type', 'error', 'err', 'stack_trace', 'error.type');
  const errorText = typeof errorField === 'string' ? errorField : errorField ? JSON.stringify(errorField) : '';
  const exceptions = [...errorText.slice(-SCANNED_LENGTH).matchAll(EXCEPTION)].map((m) => m[1]!);
  const level = typeof levelValue === 'number' ? numericLevel(levelValue) : typeof levelValue === 'string' ? (levelOf(levelValue) ?? 'unknown') : levelFromWords(message);
  return { level: level === 'unknown' && exceptions.length > 0 ? 'error' : level, message, exceptions };
}

function levelOf(word: string): LogLevel | undefined {
  return LEVEL_WORDS[word.toLowerCase()];
}

/** Numeric levels are Bunyan/pino's (10 trace … 60 fatal): JSON loggers in Python write level names. */
function numericLevel(n: number): LogLevel {
  if (n >= 60) return 'critical';
  if (n >= 50) return 'error';
  if (n >= 40) return 'warning';
  return n >= 30 ? 'info' : 'debug';
}

function syslogLevel(priority: number): LogLevel {
  const severity = priority % 8;
  return severity <= 2 ? 'critical' : severity === 3 ? 'error' : severity === 4 ? 'warning' : severity === 7 ? 'debug' : 'info';
}

function levelFromWords(text: string): LogLevel {
  const m = new RegExp(`\\b${LEVEL}\\b`).exec(text);
  return (m && levelOf(m[1]!)) ?? 'unknown';
}

function addException(record: LogRecord, name: string): void {
  if (!record.exceptions.includes(name)) record.exceptions.push(name);
  if (record.level !== 'critical') record.level = 'error';
}

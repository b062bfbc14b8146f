import { MappedText } from './mapped-text.js';

/** A heredoc (`RUN <<EOF … EOF`): its body is the script or file content. */
export interface Heredoc {
  name: string;
  body: MappedText;
}

export interface Instruction {
  /** Upper case: FROM, RUN, USER, … */
  keyword: string;
  /** Everything after the keyword, continuations joined, leading `--flag=value` options included. */
  args: MappedText;
  /** Leading options (`--platform`, `--chown`, `--checksum`, `--mount`), name → value. */
  flags: Map<string, string>;
  /** The arguments after the options. */
  body: MappedText;
  /** The arguments as a JSON array of strings, when written in exec form (`["a", "b"]`). */
  json?: string[];
  heredocs: Heredoc[];
  startLine: number;
  endLine: number;
}

export interface Stage {
  from: Instruction;
  /** The image or earlier stage it builds on, as written. */
  base: string;
  /** `AS name`, lower-cased as Docker compares it. */
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** Parser directives at the top (`# syntax=`, `# escape=`, `# check=`), lower-case name → value. */
  directives: Map<string, string>;
  instructions: Instruction[];
  /** Instructions before the first FROM (only ARG is allowed there). */
  preamble: Instruction[];
  stages: Stage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][\w-]*)\s*=\s*(.*?)\s*$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'` — but not a shell here-string (`<<<`). */
const HEREDOC_MARKER = /(?<!<)<<(-?)(["']?)([A-Za-z_][\w.-]*)\2/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * Parses a Dockerfile as BuildKit reads it: parser directives, line continuations with the
 * chosen escape character (comment and blank lines inside a continuation are dropped), heredocs,
 * exec-form JSON arguments, and stages opened by FROM. Never throws: lines that are not
 * instructions are simply not instructions.
 */
export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r\n|\r|\n/);
  const directives = new Map<string, string>();
  let i = 0;
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m || !KNOWN_DIRECTIVES.has(m[1]!.toLowerCase()) || directives.has(m[1]!.toLowerCase())) break;
    directives.set(m[1]!.toLowerCase(), m[2]!);
  }
  const escape = directives.get('escape') === '`' ? '`' : '\\';
  const instructions: Instruction[] = [];
  while (i < lines.length) {
    const trimmed = lines[i]!.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const startLine = i + 1;
    const joined = new MappedText();
    let continued: boolean;
    do {
      const line = lines[i++]!;
      const content = line.trimEnd();
      if (joined.text !== '' && (content.trim() === '' || content.trim().startsWith('#'))) {
        continued = i < lines.length;
        continue;
      }
      continued = content.endsWith(escape) && i < lines.length;
      const start = joined.text === '' ? line.length - line.trimStart().length : 0;
      joined.append(content.slice(start, continued ? -1 : undefined), i, start + 1);
    } while (continued);
    const instruction = toInstruction(joined, startLine, i);
    if (!instruction) continue;
    if (HEREDOC_KEYWORDS.has(instruction.keyword)) i = readHeredocs(instruction, lines, i);
    instructions.push(instruction);
  }
  return { directives, instructions, ...stagesOf(instructions) };
}

function toInstruction(joined: MappedText, startLine: number, endLine: number): Instruction | undefined {
  const m = /^(\S+)(\s*)/.exec(joined.text);
  if (!m) return undefined;
  const args = joined.from(m[0].length);
  const { flags, rest } = leadingFlags(args.text);
  const body = args.from(rest);
  const instruction: Instruction = { keyword: m[1]!.toUpperCase(), args, flags, body, heredocs: [], startLine, endLine };
  const json = execForm(body.text);
  if (json) instruction.json = json;
  return instruction;
}

function leadingFlags(args: string): { flags: Map<string, string>; rest: number } {
  const flags = new Map<string, string>();
  const pattern = /--([A-Za-z][\w-]*)(?:=(\S*))?\s*/y;
  let rest = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(args))) {
    flags.set(m[1]!.toLowerCase(), m[2] ?? '');
    rest = pattern.lastIndex;
  }
  return { flags, rest };
}

function execForm(body: string): string[] | undefined {
  if (!body.trimStart().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : undefined;
  } catch {
    // Not JSON: Docker runs it in shell form, brackets and all.
    return undefined;
  }
}

/** Reads the bodies of the instruction's heredocs from line index `from` on; returns the index after them. */
function readHeredocs(instruction: Instruction, lines: string[], from: number): number {
  let i = from;
  for (const marker of instruction.body.text.matchAll(HEREDOC_MARKER)) {
    const stripTabs = marker[1] === '-';
    const name = marker[3]!;
    const body = new MappedText();
    for (; i < lines.length; i++) {
      const raw = lines[i]!;
      const line = stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (line === name) break;
      body.append(`${line}\n`, i + 1, raw.length - line.length + 1);
    }
    if (body.text === '') body.append('', i + 1, 1);
    instruction.heredocs.push({ name, body });
    instruction.endLine = Math.min(i + 1, lines.length);
    i++;
  }
  return i;
}

function stagesOf(instructions: Instruction[]): Pick<Dockerfile, 'preamble' | 'stages'> {
  const preamble: Instruction[] = [];
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.body.text.split(/\s+/).filter(Boolean);
      stages.push({ from: instruction, base, ...(as?.toLowerCase() === 'as' && name ? { name: name.toLowerCase() } : {}), instructions: [] });
    } else if (stages.length === 0) {
      preamble.push(instruction);
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return { preamble, stages };
}

const MAX_SNIPPET = 200;

/** The line of `text` around `index`, trimmed and cut to a readable length: an output's snippet. */
export function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const newline = text.indexOf('\n', index);
  const line = text.slice(start, newline < 0 ? text.length : newline).trim();
  return line.length > MAX_SNIPPET ? `${line.slice(0, MAX_SNIPPET)}…` : line;
}

/** "1 email address", "5 email addresses". */
export function counted(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

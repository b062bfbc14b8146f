const MAX_SNIPPET = 200;

/** Line-oriented view of a file's text, for snippets and comment lookups (1-based lines). */
export class SourceText {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  line(n: number): string {
    if (n < 1 || n > this.starts.length) return '';
    const start = this.starts[n - 1]!;
    const end = n < this.starts.length ? this.starts[n]! - 1 : this.text.length;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  /** The trimmed line, cut to a readable length. */
  snippet(n: number): string {
    const trimmed = this.line(n).trim();
    return trimmed.length > MAX_SNIPPET ? `${trimmed.slice(0, MAX_SNIPPET)}…` : trimmed;
  }
}

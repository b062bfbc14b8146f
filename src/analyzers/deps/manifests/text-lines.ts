/** Physical lines as Python's universal newlines see them: \n, \r\n and a lone \r all end one. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Turns character offsets into 1-based line numbers (for formats whose parser gives offsets). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }
}

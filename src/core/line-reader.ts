import fs from 'node:fs';
import path from 'node:path';
import { SourceText } from './source-text.js';

/** Reads each file of the scanned tree once, for the snippets of the project findings placed in it. */
export class LineReader {
  private readonly texts = new Map<string, SourceText>();

  constructor(private readonly root: string) {}

  source(file: string): SourceText {
    let text = this.texts.get(file);
    if (!text) {
      try {
        text = new SourceText(fs.readFileSync(path.join(this.root, file), 'utf8'));
      } catch {
        text = new SourceText('');
      }
      this.texts.set(file, text);
    }
    return text;
  }
}

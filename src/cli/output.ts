import fs from 'node:fs';
import path from 'node:path';

/** Writes a report to a file (atomically) or to stdout. */
export function writeOutput(text: string, file: string | undefined): void {
  if (!file) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  const target = path.resolve(file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, target);
}

/** Colour only for a terminal, and never when NO_COLOR is set. */
export function useColor(file: string | undefined): boolean {
  return !file && process.stdout.isTTY === true && !process.env['NO_COLOR'];
}

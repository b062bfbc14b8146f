import path from 'node:path';
import type { AnalyzerOutput, FileAnalyzer, FileEntry, SourceFile } from '../../core/analyzer.js';
import { parseLockfile } from './lockfiles/index.js';
import { parseManifest } from './manifests/index.js';
import { isPackageConfig, parsePackageConfig } from './package-config/index.js';
import type { DependencyFacts } from './model.js';

export const DEPS_FILES_ANALYZER = 'deps-files';

/**
 * Reads every manifest, lockfile and installer configuration (pip.conf, .npmrc, …) into facts for
 * the dependency project analyzer. A file that does not parse is a scan error for that file alone;
 * the rest of the project is still assessed.
 * An entry of a manifest or lockfile that does not read is a scan error too, and the file's other
 * entries count.
 */
export const depsFilesAnalyzer: FileAnalyzer = {
  name: DEPS_FILES_ANALYZER,
  category: 'deps',
  rules: [],
  required: isDependencyFile,
  analyze(file: SourceFile): AnalyzerOutput {
    const base = path.posix.basename(file.path);
    try {
      const facts: DependencyFacts | undefined =
        parseLockfile(base, file.text, file.path) ?? parseManifest(base, file.text, file.path) ?? parsePackageConfig(base, file.text, file.path);
      const skipped = facts?.type === 'package-config' ? [] : (facts?.skipped ?? []);
      return { findings: [], problems: skipped.map(({ line, reason }) => `${cannotParse(base, line, reason)}; that entry was left out, the others were read`), facts };
    } catch (err) {
      return { findings: [], problems: [cannotParse(base, (err as { line?: number }).line, (err as Error).message)] };
    }
  },
};

function cannotParse(base: string, line: number | undefined, reason: string): string {
  return `cannot parse ${base}${line ? ` (line ${line})` : ''}: ${reason}`;
}

function isDependencyFile(file: FileEntry): boolean {
  const base = path.posix.basename(file.path);
  return file.kind === 'manifest' || file.kind === 'lockfile' || base === 'setup.py' || isPackageConfig(base);
}

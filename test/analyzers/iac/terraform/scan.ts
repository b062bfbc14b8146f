import fs from 'node:fs';
import path from 'node:path';
import { parseTerraformFile, terraformFindings } from '../../../../src/analyzers/iac/terraform/index.js';
import type { TerraformFacts } from '../../../../src/analyzers/iac/terraform/hcl-syntax.js';
import type { Finding, ScanError } from '../../../../src/core/finding.js';
import { classify } from '../../../../src/inventory/classify.js';

/**
 * Runs the Terraform analysis the way an assessment does — the file analyzer records facts per
 * file, the project step evaluates every directory's modules and runs the rules — on in-memory files.
 */
export function scanTerraform(files: Record<string, string>): { findings: Finding[]; errors: ScanError[] } {
  const facts = new Map<string, TerraformFacts>();
  const errors: ScanError[] = [];
  for (const [path, text] of Object.entries(files)) {
    const kind = classify(path, text);
    if (kind !== 'terraform') throw new Error(`${path} is classified as ${kind}`);
    const output = parseTerraformFile({ path, absPath: `/scan-root/${path}`, kind, size: text.length, text });
    facts.set(path, output.facts as TerraformFacts);
    for (const message of output.problems) errors.push({ file: path, analyzer: 'terraform', message });
  }
  return { findings: terraformFindings(facts), errors };
}

/** One file's findings, the shape the rule-example helper expects. */
export const scanOne = (code: string, file: string) => scanTerraform({ [file]: code });

/** Every file under a fixture directory, by path relative to it. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return files;
}

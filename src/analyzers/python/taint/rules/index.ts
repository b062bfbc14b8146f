import type { TaintRule } from './taint-rule.js';
import { sqlInjection } from './sql-injection.js';
import { commandInjection } from './command-injection.js';
import { codeInjection } from './code-injection.js';
import { deserialization } from './deserialization.js';
import { pathTraversal } from './path-traversal.js';
import { ssrf } from './ssrf.js';
import { xxe } from './xxe.js';
import { templateInjection } from './template-injection.js';
import { formatString } from './format-string.js';
import { htmlInjection } from './html-injection.js';
import { regexInjection } from './regex-injection.js';
import { dynamicImport } from './dynamic-import.js';
import { formulaInjection } from './formula-injection.js';
import { credentialLogging } from './credential-logging.js';

/** One rule per sink family, reporting flows from ingestion points with their trace. */
export const taintRules: TaintRule[] = [
  sqlInjection,
  commandInjection,
  codeInjection,
  deserialization,
  pathTraversal,
  ssrf,
  xxe,
  templateInjection,
  formatString,
  htmlInjection,
  regexInjection,
  dynamicImport,
  formulaInjection,
  credentialLogging,
];

import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import { makeFinding } from '../../core/make-finding.js';
import { JAVASCRIPT_ANALYZER, type ScriptFacts } from '../javascript/facts.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { codeModuleFacts, PYTHON_ANALYZER } from '../python/facts.js';
import { DEPS_FILES_ANALYZER } from './files-analyzer.js';
import { buildInventory } from './inventory.js';
import type { DependencyFacts } from './model.js';
import { resolveUnlocked } from './resolve/resolve-unlocked.js';
import type { DepsHit, DepsRule } from './rules/deps-rule.js';
import { depsRules } from './rules/index.js';
import { findVulnerable } from './vulnerabilities.js';
import { LineReader } from '../../core/line-reader.js';

/**
 * Dependencies as a whole: the inventory from every manifest and lockfile, matched against
 * advisories, with reachability from the Python analysis, plus supply-chain rules.
 */
export const depsAnalyzer: ProjectAnalyzer = {
  name: 'deps',
  category: 'deps',
  rules: depsRules,
  usesFactsFrom: [DEPS_FILES_ANALYZER, PYTHON_ANALYZER, NOTEBOOK_ANALYZER, JAVASCRIPT_ANALYZER],
  analyze: analyzeDependencies,
};

async function analyzeDependencies(ctx: ProjectContext): Promise<ProjectOutput> {
  const facts = ctx.facts(DEPS_FILES_ANALYZER) as Map<string, DependencyFacts>;
  if (facts.size === 0) return { findings: [], errors: [], notices: [] };
  const settings = ctx.settings.deps;
  const built = buildInventory(facts);
  const notices: string[] = [];
  const resolved = settings.resolve ? await resolveUnlocked(built, facts, settings) : undefined;
  if (resolved) notices.push(...resolved.notices);
  const advisories = await findVulnerable(built.inventory, settings, ctx.now);
  notices.push(...advisories.notices);

  const project = {
    facts,
    built,
    code: {
      // Notebooks record Python facts too, under their own analyzer; paths never collide.
      python: new Map(codeModuleFacts(ctx)),
      scripts: ctx.facts(JAVASCRIPT_ANALYZER) as Map<string, ScriptFacts>,
    },
    vulnerable: advisories.vulnerable,
    yanked: resolved?.yanked ?? new Map<string, string>(),
  };
  const lines = new LineReader(ctx.root);
  const findings = depsRules.flatMap((rule) => rule.check(project).map((hit) => toFinding(rule, hit, lines)));
  return { findings, errors: [], notices };
}

function toFinding(rule: DepsRule, hit: DepsHit, lines: LineReader): Finding {
  const source = lines.source(hit.file);
  const width = source.line(hit.line).length;
  const range = { startLine: hit.line, startColumn: 1, endLine: hit.line, endColumn: width + 1 };
  return { ...makeFinding(rule, hit.file, source, range, hit), fingerprint: stableFingerprint(rule.id, hit.file, hit.key) };
}

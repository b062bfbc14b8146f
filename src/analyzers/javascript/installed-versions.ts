import path from 'node:path';
import semver from 'semver';
import type { FindingPlace, ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { LineReader } from '../../core/line-reader.js';
import { projectFinding } from '../../core/project-finding.js';
import { DEPS_FILES_ANALYZER } from '../deps/files-analyzer.js';
import type { DependencyFacts, ParsedLockfile, ParsedManifest } from '../deps/model.js';
import { JAVASCRIPT_ANALYZER, type ScriptFacts, type VersionBoundFinding } from './facts.js';
import { jsRules } from './rules/index.js';

/**
 * Settles the JavaScript findings that hold only below a package version (js-yaml's load before
 * 4) by what the nearest npm project above the script installs: its lockfile, else the range its
 * package.json allows. Below the fix the finding is confirmed at high confidence; at or above it
 * the finding goes; when nothing says, it stays as the file analyzer reported it.
 */
export const jsInstalledVersions: ProjectAnalyzer = {
  name: 'js-installed-versions',
  category: 'sast',
  rules: [],
  usesFactsFrom: [JAVASCRIPT_ANALYZER, DEPS_FILES_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({ ...settle(ctx), errors: [], notices: [] }),
};

/** What the project says about a package's version: below the fix or not, and where it says so. */
interface Verdict {
  fixed: boolean;
  evidence: string;
}

function settle(ctx: ProjectContext): { findings: Finding[]; supersedes: FindingPlace[] } {
  const npmFacts = [...(ctx.facts(DEPS_FILES_ANALYZER) as Map<string, DependencyFacts | undefined>)].filter(
    (entry): entry is [string, ParsedManifest | ParsedLockfile] => entry[1] !== undefined && entry[1].type !== 'package-config' && entry[1].ecosystem === 'npm',
  );
  const findings: Finding[] = [];
  const supersedes: FindingPlace[] = [];
  const lines = new LineReader(ctx.root);
  for (const [file, facts] of ctx.facts(JAVASCRIPT_ANALYZER) as Map<string, ScriptFacts | undefined>) {
    for (const bound of facts?.versionBound ?? []) {
      const rule = jsRules.find((r) => r.id === bound.ruleId);
      const verdict = rule && nearestVerdict(bound, file, npmFacts);
      if (!rule || !verdict) continue;
      supersedes.push({ ruleId: rule.id, file, line: bound.line, column: bound.column, severity: rule.severity });
      if (verdict.fixed) continue;
      findings.push(
        projectFinding(rule, lines, { file, line: bound.line, column: bound.column }, bound.package, {
          message: `${bound.confirmed}: ${verdict.evidence} (fixed in ${bound.fixedIn})`,
          confidence: 'high',
        }),
      );
    }
  }
  return { findings, supersedes };
}

/** The verdict of the nearest folder above `file` whose lockfile or package.json names the package. */
function nearestVerdict(bound: VersionBoundFinding, file: string, npmFacts: Array<[string, DependencyFacts]>): Verdict | undefined {
  for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
    const verdict = folderVerdict(bound, npmFacts.filter(([f]) => path.posix.dirname(f) === dir));
    if (verdict !== 'silent') return verdict;
    if (dir === '.' || dir === '/') return undefined;
  }
}

/**
 * One folder's say: the locked copies of the package that package.json's range admits (a lockfile
 * also holds the copies nested under other packages, eslint's js-yaml 3 beside the project's 4),
 * which must agree; with no lockfile, a range wholly below or wholly at-or-above the fix.
 */
function folderVerdict(bound: VersionBoundFinding, facts: Array<[string, DependencyFacts]>): Verdict | undefined | 'silent' {
  const declared = facts.flatMap(([file, f]) => {
    const requirement = f.type === 'manifest' ? f.requirements.find((r) => r.name === bound.package) : undefined;
    const range = requirement && semver.validRange(requirement.specifier);
    return requirement && range ? [{ file, range, specifier: requirement.specifier }] : [];
  })[0];
  const locked = facts.flatMap(([file, f]) =>
    f.type === 'lockfile' ? f.packages.filter((p) => p.name === bound.package && semver.valid(p.version)).map((p) => ({ file, version: p.version })) : [],
  );
  if (locked.length > 0) {
    const admitted = declared ? locked.filter((c) => semver.satisfies(c.version, declared.range)) : [];
    const chosen = admitted.length > 0 ? admitted : locked;
    const fixed = chosen.map((c) => semver.gte(c.version, bound.fixedIn));
    if (fixed.some((f) => f !== fixed[0])) return undefined;
    return { fixed: fixed[0]!, evidence: `${chosen[0]!.file} locks ${bound.package} ${[...new Set(chosen.map((c) => c.version))].join(', ')}` };
  }
  if (!declared) return 'silent';
  const evidence = `${declared.file} requires ${bound.package} "${declared.specifier}"`;
  if (semver.subset(declared.range, `>=${bound.fixedIn}`)) return { fixed: true, evidence };
  if (!semver.intersects(declared.range, `>=${bound.fixedIn}`)) return { fixed: false, evidence };
  return undefined;
}

import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { SourceText } from '../../core/source-text.js';
import type { ContainerImage, ImageFacts } from '../../inventory/containers.js';
import { ciScriptImages, containerImage } from '../../inventory/deployed-images.js';
import { substitute } from '../../inventory/containers.js';
import { isRecord, valueAt, type YamlMap } from '../iac/kubernetes/parse.js';
import { parseYamlDocument, type YamlDocument, type YamlPath } from '../yaml-document.js';
import { once } from '../../core/once.js';
import { isCiFile, jobDownloadFindings, scriptFindings, scriptPiece, templateExpressions, variableFindings } from './script-findings.js';

/** A job of a CI file whose scripts run in a POSIX shell, as a dialect reads it. */
export interface CiJob {
  /** "CircleCI job build", for the images' workloads. */
  label: string;
  /** The job's script pieces, each a YAML string, grouped as shells read them: one shell reads a session's pieces in turn. */
  sessions: YamlPath[][];
  /** Maps of environment variables the scripts see (`environment:`). */
  variables: YamlPath[];
  /** Where the job names the images it runs in: a string or `{name: …}`. */
  images: YamlPath[];
}

/** A CI system whose files hold shell scripts and images: how to know its files and read their jobs. */
export interface CiDialect {
  /** The analyzer's name: `circleci`. */
  name: string;
  isFile(path: string): boolean;
  jobs(data: YamlMap): CiJob[];
}

/**
 * The analyzer of a dialect's files: the jobs' scripts get the shell-script rules (a file one piece
 * downloads and a later piece runs included), their environment maps the certificate switches, and
 * the images they run go to the inventory and the image checks.
 */
export function ciDialectAnalyzer(dialect: CiDialect): FileAnalyzer {
  return {
    name: dialect.name,
    category: 'iac',
    rules: [],
    required: (file) => isCiFile(file, dialect.isFile),
    analyze: (file: SourceFile): AnalyzerOutput => {
      const { yaml, jobs } = readCiFile(dialect, file.text);
      const source = new SourceText(file.text);
      const findings: RawFinding[] = jobs.flatMap((job) => {
        const sessions = job.sessions.map((session) => session.flatMap((path) => pieceAt(yaml, path)));
        return [
          ...job.variables.flatMap((path) => variableMaps(valueAt(yaml.data, path), path).flatMap(([map, at]) => variableFindings(map, at, yaml, file.path, source))),
          ...sessions.flat().flatMap((piece) => scriptFindings(piece, yaml, file.path, source)),
          ...jobDownloadFindings(sessions, yaml, file.path, source),
        ];
      });
      const facts: ImageFacts = { images: jobImages(jobs, yaml, file.path) };
      // A step reused through a YAML alias is read once for every place that uses it, but is written once.
      return { findings: once(findings, (f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.message]), problems: yaml.problems, facts };
    },
  };
}

/**
 * The variables of an environment map as maps to read: the map itself, or the items of a list —
 * `- NAME=value` and `- NAME: value` (CircleCI), `- name: NAME` with `value:` (Azure) — each one a
 * map placed on its item.
 */
function variableMaps(value: unknown, path: YamlPath): Array<[YamlMap, YamlPath]> {
  if (isRecord(value)) return [[value, path]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i): Array<[YamlMap, YamlPath]> => {
    const at = [...path, i];
    if (typeof item === 'string' && item.includes('=')) return [[{ [item.slice(0, item.indexOf('='))]: item.slice(item.indexOf('=') + 1) }, at]];
    if (isRecord(item) && typeof item['name'] === 'string' && 'value' in item) return [[{ [item['name']]: item['value'] }, at]];
    return isRecord(item) ? [[item, at]] : [];
  });
}

/** The images a dialect's file runs (jobs' images and `docker run` in their scripts), and why it could not be read. */
export function ciDialectImages(dialect: CiDialect, text: string, file: string): { images: ContainerImage[]; problems: string[] } {
  const { yaml, jobs } = readCiFile(dialect, text);
  return { images: jobImages(jobs, yaml, file), problems: yaml.problems };
}

function readCiFile(dialect: CiDialect, text: string): { yaml: YamlDocument; jobs: CiJob[] } {
  const yaml = parseYamlDocument(text);
  return { yaml, jobs: isRecord(yaml.data) ? dialect.jobs(yaml.data) : [] };
}

function pieceAt(yaml: YamlDocument, path: YamlPath) {
  const text = valueAt(yaml.data, path);
  return typeof text === 'string' ? [scriptPiece(text, path)] : [];
}

const NO_VARIABLES: ReadonlyMap<string, string | undefined> = new Map();

function jobImages(jobs: readonly CiJob[], yaml: YamlDocument, file: string): ContainerImage[] {
  // A CI template (`<< parameters.tag >>`, `${{ … }}`) is filled in when the pipeline runs.
  const expand = (written: string) => {
    const { text, unresolved } = substitute(written, NO_VARIABLES);
    return { text, unresolved: [...unresolved, ...templateExpressions(written)] };
  };
  const images = jobs.flatMap((job) => [
    ...job.images.flatMap((path) => {
      const entry = valueAt(yaml.data, path);
      const named = isRecord(entry) ? entry['name'] : entry;
      // An Azure runtime expression (`$[ variables['image'] ]`) names a variable, not an image.
      if (typeof named !== 'string' || named.trim() === '' || named.includes('$[')) return [];
      const { text, unresolved } = expand(named.trim());
      return [containerImage(text, file, yaml.locate(isRecord(entry) ? [...path, 'name'] : path).startLine, `${job.label} image`, unresolved)];
    }),
    ...job.sessions.flat().flatMap((path) => {
      const script = valueAt(yaml.data, path);
      return typeof script === 'string' ? ciScriptImages(script, path, yaml, file, `${job.label} script, docker run`, expand) : [];
    }),
  ]);
  return once(images, (i) => [i.line, i.name, i.tag, i.workload]);
}

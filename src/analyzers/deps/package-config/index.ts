import type { PackageSourceConfig } from '../model.js';
import { parseCondarc } from './condarc.js';
import { parseNpmrc } from './npmrc.js';
import { parsePipConf } from './pip-conf.js';
import { parseUvToml } from './uv-toml.js';
import { parseYarnrcYml } from './yarnrc-yml.js';

type ConfigParser = (text: string, file: string) => PackageSourceConfig;

/** Installer configuration files by base name (lower case), as a repository or an image build carries them. */
const BY_NAME = new Map<string, ConfigParser>([
  ['pip.conf', parsePipConf],
  ['pip.ini', parsePipConf],
  ['.npmrc', (text) => parseNpmrc(text, 'npm')],
  ['npmrc', (text) => parseNpmrc(text, 'npm')],
  ['.yarnrc', (text) => parseNpmrc(text, 'yarn')],
  ['.yarnrc.yml', parseYarnrcYml],
  ['.condarc', parseCondarc],
  ['condarc', parseCondarc],
  ['uv.toml', parseUvToml],
]);

export function isPackageConfig(fileName: string): boolean {
  return BY_NAME.has(fileName.toLowerCase());
}

/** What an installer configuration file says about package sources; undefined for a file that is none. Throws on a file that does not parse. */
export function parsePackageConfig(fileName: string, text: string, file: string): PackageSourceConfig | undefined {
  return BY_NAME.get(fileName.toLowerCase())?.(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assembleImageProject, imageFindings } from '../../../src/analyzers/container/image-analyzer.js';
import type { ImageFacts } from '../../../src/inventory/containers.js';
import { readRootfs } from '../../../src/analyzers/container/rootfs/scan.js';
import { DEFAULT_DEPS_SETTINGS, type DepsSettings } from '../../../src/analyzers/deps/settings.js';
import type { Finding } from '../../../src/core/finding.js';
import { analyzeDockerfileText } from './scan.js';
import { isComposeFile } from '../../../src/analyzers/iac/compose/parse.js';
import { analyzeComposeText } from '../iac/compose/scan.js';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/container');
/** The day the image rules' examples and fixtures are judged on, so that they do not age. */
export const RUN_DATE = new Date('2026-11-25T12:00:00Z');

/** Offline settings that read advisories from `osvDb` only. */
export function offlineDeps(osvDb?: string): DepsSettings {
  return { ...DEFAULT_DEPS_SETTINGS, offline: true, localDbFile: '/nonexistent/pipewarden.db', ...(osvDb ? { osvDb } : {}) };
}

/** Runs the container project analysis over an unpacked image (and optionally Dockerfile facts). */
export async function scanImage(rootfs: string | undefined, osvDb?: string, images: ImageFacts['images'] = [], root = FIXTURES): Promise<{ findings: Finding[]; notices: string[] }> {
  const { project, notices } = await assembleImageProject(images, rootfs ? readRootfs(rootfs) : undefined, offlineDeps(osvDb), RUN_DATE);
  return { findings: imageFindings(project, root), notices };
}

/**
 * One rule example through the real path: a Dockerfile or a Compose file goes through its file
 * analyzer first (the images it names are the facts); any other file is written into a fresh
 * image rootfs.
 */
export async function scanImageExample(code: string, file: string): Promise<{ findings: Finding[]; errors: unknown[] }> {
  const naming = path.basename(file) === 'Dockerfile' ? analyzeDockerfileText(code, file) : isComposeFile(file) ? analyzeComposeText(code, file) : undefined;
  if (naming) {
    const facts = Object.values(naming.facts) as ImageFacts[];
    return { findings: (await scanImage(undefined, undefined, facts.flatMap((f) => f.images))).findings, errors: naming.errors };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-rootfs-'));
  try {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), code);
    return { findings: (await scanImage(dir, path.join(FIXTURES, 'osv'), [], dir)).findings, errors: [] };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

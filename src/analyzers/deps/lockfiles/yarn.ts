import type { ParsedLockfile } from '../model.js';
import { parseYarnBerry } from './yarn-berry.js';
import { parseYarnV1 } from './yarn-v1.js';

/** Berry always writes a top-level `__metadata` key; yarn 1 never does. */
const BERRY_MARKER = /^"?__metadata"?:/m;

/** yarn.lock: yarn 1's own format or yarn 2+'s YAML, told apart by berry's `__metadata`. */
export function parseYarnLock(text: string, file: string): ParsedLockfile {
  return BERRY_MARKER.test(text) ? parseYarnBerry(text, file) : parseYarnV1(text, file);
}

import { isUrl, looksLikePath } from '../deps/manifests/direct-reference.js';
import { exactPin, parsePep508 } from '../deps/manifests/pep508.js';
import { commandsOf } from '../container/dockerfile/shell.js';

/** pip install options that take a value as the next word (or after `=`). */
const VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url',
  '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--platform', '--python-version',
  '--implementation', '--abi', '--upgrade-strategy', '--progress-bar', '--cache-dir', '--trusted-host', '--log',
  '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--report', '--global-option',
  '--config-settings', '-C', '--no-binary', '--only-binary', '--python', '--root-user-action',
]);
/** `pip`, `pip3`, `pip3.11`, `/opt/conda/bin/pip`: the word before `install`. */
const PIP = /(?:^|\/)pip[\d.]*$/;

/**
 * The requirements `pip install` commands in `command` name without an exact version, as written
 * (`pandas`, `requests>=2`). Requirement files, URLs, local paths and words IPython fills in at
 * run time (`{pkg}`, `$pkg`) are not judged here: the files have their own analysis, and the rest
 * cannot be known from the text.
 */
export function unpinnedPipRequirements(command: string): string[] {
  const unpinned: string[] = [];
  for (const words of commandsOf(command).map((c) => c.words.map((w) => w.text))) {
    const install = words.findIndex((w, i) => w === 'install' && i > 0 && PIP.test(words[i - 1]!));
    if (install < 0) continue;
    for (let i = install + 1; i < words.length; i++) {
      const word = words[i]!;
      if (word.startsWith('-')) {
        if (VALUE_OPTIONS.has(word)) i++;
      } else if (isUnpinned(word)) {
        unpinned.push(word);
      }
    }
  }
  return unpinned;
}

function isUnpinned(word: string): boolean {
  if (/[{$]/.test(word) || isUrl(word) || looksLikePath(word)) return false;
  try {
    const requirement = parsePep508(word);
    return requirement.url === undefined && exactPin(requirement.specifier) === undefined;
  } catch {
    // Not a requirement pip would accept either; nothing to judge.
    return false;
  }
}

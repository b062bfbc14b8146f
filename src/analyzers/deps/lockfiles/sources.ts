import type { DirectSource } from '../model.js';

/**
 * Constructors for DirectSource that keep credentials out of the facts: lockfiles of private
 * repositories carry URLs like https://x-access-token:ghp_…@github.com/…, and these facts end up in
 * reports and SBOMs. The secrets analyzer reports the credential itself, at its line.
 */
export function urlSource(url: string): DirectSource {
  return { kind: 'url', url: redactUrl(url) };
}

export function vcsSource(url: string, ref?: string): DirectSource {
  return ref ? { kind: 'vcs', url: redactUrl(url), ref } : { kind: 'vcs', url: redactUrl(url) };
}

export function pathSource(path: string): DirectSource {
  return { kind: 'path', path };
}

/**
 * In http(s) URLs any user-info is a credential (a token alone is often written as the user);
 * elsewhere (ssh://git@host) the user name is ordinary and only a password is masked.
 */
export function redactUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i.exec(url);
  if (!m) return url;
  const scheme = m[1];
  const userInfo = m[2];
  const colon = userInfo.indexOf(':');
  const masked = /^(?:git\+)?https?:/i.test(scheme) ? '***' : colon < 0 ? userInfo : `${userInfo.slice(0, colon)}:***`;
  return `${scheme}${masked}@${url.slice(m[0].length)}`;
}

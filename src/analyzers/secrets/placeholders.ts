/**
 * Values that stand for a secret rather than being one: template and shell references, format
 * fields (`{self.token}` in an f-string, `{}` in a `.format` template), JSONPath templates (kubectl's `{.credential.access_token}`),
 * environment lookups written as code (`process.env.X` in a README's example), angle-bracket
 * slots, and the words people type when
 * they mean "fill this in". They are not reported.
 */
const REFERENCE =
  /\$\{|\{\{|\}\}|\$\(|%\(|^\$[A-Za-z_]|^<[^>]*>$|^\[[^\]]*\]$|^%[A-Za-z_]+%$|^env[:(]|^\{[A-Za-z_][\w.]*(?:![rsa])?(?::[^}]*)?\}$|^\{\d*\}$|^\{\.[^{}\s]*\}$|^(?:process\.env|import\.meta\.env|Deno\.env|os\.environ|os\.getenv)\b/i;
const FILLER = /changeme|change[_-]me|change[_-]?this|xxxx|\*\*\*\*|\.\.\.|…|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|pass)|placeholder|replace[_-]?me|redacted|insert[_-]?here|dummy|^(?:none|null|nil|undefined|true|false|secret|password|passwd|token|string|str|todo|tbd|empty|value|required|optional|default)$/i;
const ONE_CHARACTER = /^(.)\1*$/s;

export function isPlaceholder(value: string): boolean {
  return REFERENCE.test(value) || FILLER.test(value) || ONE_CHARACTER.test(value);
}

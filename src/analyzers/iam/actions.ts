import type { Statement } from './policy.js';

/** IAM action patterns match case-insensitively, with `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}

/** Whether an Allow statement grants `action` (through Action, or NotAction that leaves it out). */
export function allows(statement: Statement, action: string): boolean {
  if (statement.effect !== 'Allow') return false;
  if (statement.actions.some((p) => actionMatches(p, action))) return true;
  return statement.notActions.length > 0 && !statement.notActions.some((p) => actionMatches(p, action));
}

// Resource patterns that cover every resource of a service: "*", "arn:aws:s3:::*", "arn:aws:s3:::*/*".
export function coversEverything(resource: string): boolean {
  return resource === '*' || /^arn:aws[\w-]*:[\w-]+:[^:]*:[^:]*:\*(\/\*)?$/.test(resource) || /^arn:aws[\w-]*:s3:::\*(\/\*)?$/.test(resource);
}

/** Whether the statement applies to every resource (Resource "*"-like, or any NotResource). */
export function onEveryResource(statement: Statement): boolean {
  return statement.notResources.length > 0 || statement.resources.some(coversEverything);
}

/** Read-only verbs: actions that start with them disclose but do not change anything. */
export function isReadOnly(action: string): boolean {
  return /^[\w-]+:(Get|List|Describe|Head|Query|Scan|Select|BatchGet|Search|Lookup)/i.test(action) || /^[\w-]+:(Get|List|Describe)\*$/i.test(action);
}

import type { RuleExample } from '../../core/rule.js';
import type { DockerContext } from './docker-rule.js';
import { assignmentsOf } from './dockerfile/assignments.js';
import { isLiteralSecretValue, isSecretLikeName, redact } from './secret-like.js';

/** Literal credentials under secret-like names in ENV or ARG: the two rules differ in the keyword and why it leaks. */
export function checkSecretAssignments(ctx: DockerContext, keyword: 'ENV' | 'ARG'): void {
  for (const instruction of ctx.file.instructions) {
    if (instruction.keyword !== keyword) continue;
    for (const a of assignmentsOf(instruction)) {
      if (a.value === undefined || !isSecretLikeName(a.name) || !isLiteralSecretValue(a.value)) continue;
      ctx.report(instruction.body, a.start, a.end, { message: `${keyword} ${a.name} holds a literal value (${redact(a.value)}) that is baked into the image` });
    }
  }
}

export function secretExample(line: string): RuleExample {
  return { file: 'Dockerfile', code: `FROM python:3.12-slim\n${line}\nUSER 1000\n` };
}

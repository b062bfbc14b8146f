#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { UsageError } from '../core/errors.js';
import { TOOL } from '../core/tool-info.js';
import { registerAssess } from './assess.js';
import { registerBaseline } from './baseline.js';
import { registerDb } from './db.js';
import { registerDrift } from './drift.js';
import { registerFuzz } from './fuzz.js';
import { registerHistory } from './history.js';
import { registerIam } from './iam.js';
import { registerInventory } from './inventory.js';
import { registerLogs } from './logs.js';
import { registerPoison } from './poison.js';
import { registerProfile } from './profile.js';
import { registerRules } from './rules.js';
import { registerSchema } from './schema.js';

const debug = process.argv.includes('--debug');

const program = new Command('pipewarden')
  .description('Vulnerability assessments of data preprocessing pipelines')
  .version(TOOL.version)
  .option('--debug', 'print stack traces for operational errors')
  .exitOverride()
  .configureOutput({ outputError: () => {} });

registerAssess(program);
registerBaseline(program);
registerDb(program);
registerDrift(program);
registerFuzz(program);
registerHistory(program);
registerIam(program);
registerInventory(program);
registerLogs(program);
registerPoison(program);
registerProfile(program);
registerRules(program);
registerSchema(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = handleError(err);
}

/** Every operational or usage problem ends as one line on stderr and exit code 2. */
function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return 0;
    process.stderr.write(`pipewarden: ${err.message.replace(/^error: /, '')}\n`);
    return 2;
  }
  if (err instanceof UsageError) {
    process.stderr.write(`pipewarden: ${err.message}\n`);
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`pipewarden: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  return 2;
}

import { Option, type Command } from 'commander';
import { allRules, findRule } from '../analyzers/registry.js';
import { UsageError } from '../core/errors.js';
import { explainRule } from '../report/explain.js';
import { table } from './table.js';

export function registerRules(program: Command): void {
  program
    .command('rules')
    .description('list every rule')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => {
      const rules = allRules();
      if (flags.format === 'json') {
        process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
        return;
      }
      const rows = rules.map((r) => [r.id, r.category, r.severity, r.cwe.join(','), r.title]);
      process.stdout.write(table(['id', 'category', 'severity', 'cwe', 'title'], rows));
      process.stdout.write(`\n${rules.length} rules. \`pipewarden explain <id>\` shows one in full.\n`);
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. py.deserialization.pickle')
    .action((id: string) => {
      const rule = findRule(id);
      if (!rule) {
        const near = allRules()
          .map((r) => r.id)
          .filter((r) => r.includes(id) || id.includes(r.split('.').slice(0, 2).join('.')));
        throw new UsageError(`unknown rule "${id}"${near.length > 0 ? ` (did you mean ${near.slice(0, 3).join(', ')}?)` : ''}; \`pipewarden rules\` lists them`);
      }
      process.stdout.write(explainRule(rule));
    });
}

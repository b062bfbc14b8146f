import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { renderValidationText } from '../data/schema/violations.js';
import { printable } from '../data/profile/render-text.js';
import { inferSchemaFrom, validateSource } from '../data/schema/index.js';
import { readSchemaFile } from '../data/schema/json-schema.js';
import { validateProto } from '../data/schema/validate-proto.js';
import { writeOutput } from './output.js';
import { addSourceOptions, resolveSource, type SourceFlags } from './profile.js';

interface InferFlags extends SourceFlags {
  output?: string;
  margin: string;
  enumMax: string;
}

interface ValidateFlags extends SourceFlags {
  schema?: string;
  proto?: string;
  message?: string;
  format: 'text' | 'json';
  output?: string;
}

export function registerSchema(program: Command): void {
  const schema = program.command('schema').description('infer a JSON Schema from data, or validate data against one');

  addSourceOptions(schema.command('infer').description('write a JSON Schema (2020-12) describing the records of a data set').argument('[data]', 'data file'))
    .option('-o, --output <file>', 'write the schema to a file instead of stdout')
    .option('--margin <fraction>', 'widen observed numeric ranges and string lengths by this fraction', '0.1')
    .option('--enum-max <n>', 'columns with at most this many distinct values get an enum', '20')
    .action(async (data: string | undefined, flags: InferFlags) => {
      const margin = Number(flags.margin);
      if (!(margin >= 0)) throw new UsageError(`--margin takes a fraction of at least 0, not "${flags.margin}"`);
      const enumMax = Number(flags.enumMax);
      if (!Number.isInteger(enumMax) || enumMax < 0) throw new UsageError(`--enum-max takes a whole number, not "${flags.enumMax}"`);
      const inferred = await inferSchemaFrom(resolveSource(data, flags), { margin, enumMax });
      writeOutput(`${JSON.stringify(inferred, null, 2)}\n`, flags.output);
    });

  addSourceOptions(schema.command('validate').description('check every record against a JSON Schema or a protobuf message; exit 1 on violations').argument('[data]', 'data file'))
    .option('--schema <file>', 'JSON Schema (2020-12) of one record')
    .option('--proto <file>', '.proto file (with --message): validate JSON Lines records against a message type')
    .option('--message <name>', 'message type in --proto, e.g. pkg.Event')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of stdout')
    .action(async (data: string | undefined, flags: ValidateFlags) => {
      if (!flags.schema === !flags.proto) throw new UsageError('give either --schema FILE or --proto FILE --message NAME');
      if (flags.proto && !flags.message) throw new UsageError('--proto needs --message NAME');
      const source = resolveSource(data, flags);
      if (flags.proto && source.engine !== 'duckdb') throw new UsageError('--proto validates JSON Lines files, not tables');
      const report = flags.proto
        ? await validateProto(source.engine === 'duckdb' ? source.file : '', path.resolve(flags.proto), flags.message!)
        : await validateSource(source, readSchemaFile(flags.schema!));
      writeOutput(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderValidationText(report, printable), flags.output);
      if (report.violations.length > 0) process.exitCode = 1;
    });
}

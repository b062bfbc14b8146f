import type { Command } from 'commander';

/**
 * The flags that declare the pipeline (or override pipewarden.yml's `pipeline:`), shared by the
 * dynamic commands; each says what its sample and schema are used for.
 */
export function addPipelineOptions(command: Command, help: { sample: string; schema: string }): Command {
  return command
    .option('--run <command>', 'pipeline command with {input} and {output} placeholders')
    .option('--sample <path>', help.sample)
    .option('--schema <file>', help.schema)
    .option('--timeout <duration>', 'wall-time limit per run, e.g. 30s')
    .option('--memory <size>', 'memory limit per run, e.g. 512MB')
    .option('--config <file>', 'configuration file (default <path>/pipewarden.yml)');
}

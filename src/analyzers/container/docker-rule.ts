import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { ContainerImage } from '../../inventory/containers.js';
import type { MappedText } from './dockerfile/mapped-text.js';
import type { Dockerfile, Instruction } from './dockerfile/parse.js';
import type { Script } from './dockerfile/shell.js';

/** What a Dockerfile rule can ask about the file it is checking. */
export interface DockerContext {
  file: Dockerfile;
  /** The scripts RUN instructions run, split into commands. */
  scripts: readonly Script[];
  /** Base images pulled from a registry (not earlier stages, not scratch), build arguments resolved. */
  images: readonly ContainerImage[];
  /** Reports the characters `start`…`end` of `text`. */
  report(text: MappedText, start: number, end: number, options?: ReportOptions): void;
  /** Reports a whole instruction. */
  reportInstruction(instruction: Instruction, options?: ReportOptions): void;
}

export interface DockerRule extends RuleMeta {
  check(ctx: DockerContext): void;
}

export const DOCKERFILE_DOCS = 'https://docs.docker.com/reference/dockerfile/';
export const BEST_PRACTICES = 'https://docs.docker.com/build/building/best-practices/';

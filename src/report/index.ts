import type { AssessmentResult } from '../core/assessment.js';
import { REPORT_FORMATS, type ReportFormat } from '../core/config.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import type { RenderOptions } from './summary.js';
import { renderText } from './text.js';

// The format list lives in core/config.ts because pipewarden.yml validates `format` against it.
export { REPORT_FORMATS, type ReportFormat, type RenderOptions };

export type Renderer = (result: AssessmentResult, options: RenderOptions) => string;

/** A Record, so adding a format name without its renderer fails to compile. */
const RENDERERS: Record<ReportFormat, Renderer> = {
  text: renderText,
  json: renderJson,
  sarif: renderSarif,
  markdown: renderMarkdown,
  junit: renderJunit,
};

export function renderReport(format: ReportFormat, result: AssessmentResult, options: RenderOptions = {}): string {
  return RENDERERS[format](result, options);
}

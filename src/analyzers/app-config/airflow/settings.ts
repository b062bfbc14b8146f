import { isMap, isScalar, parseDocument } from 'yaml';
import { flowDepthExceeds } from '../../../inventory/structured.js';
import { environmentValues } from '../environment.js';
import { resolved, type AppSetting } from '../setting.js';

const MAX_FLOW_DEPTH = 256;
/** `AIRFLOW__{SECTION}__{KEY}`; `_CMD` and `_SECRET` variants name where the value comes from, not the value. */
const ENV_NAME = /\bAIRFLOW__([A-Z0-9_]+?)__([A-Z0-9_]+)\b/g;

/**
 * Every Airflow option a file sets: airflow.cfg sections and options, webserver_config.py's
 * settings, the official Helm chart's `config:` values, and `AIRFLOW__…` environment variables
 * anywhere else.
 */
export function airflowSettings(fileName: string, text: string): AppSetting[] {
  if (/^(?:airflow|unittests)[\w.-]*\.cfg$/i.test(fileName)) return cfgSettings(text);
  if (fileName === 'webserver_config.py') return webserverConfigSettings(text);
  const chart = /\.ya?ml$/i.test(fileName) && /^config:[ \t]*(?:#.*)?$/m.test(text) ? chartSettings(text) : [];
  return [...chart, ...environmentSettings(text)];
}

function cfgSettings(text: string): AppSetting[] {
  const settings: AppSetting[] = [];
  let section = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    const option = /^([A-Za-z_][\w.-]*)(\s*[=:][ \t]*)(.*?)\s*$/.exec(line);
    if (header) section = header[1]!.trim().toLowerCase();
    else if (option && section !== '') {
      const value = option[3]!;
      const start = offset + option[1]!.length + option[2]!.length;
      settings.push({ app: 'airflow', section, option: option[1]!.toLowerCase(), value: resolved(value), start, end: start + value.length, spelling: `[${section}] ${option[1]}` });
    }
    offset += line.length + 1;
  }
  return settings;
}

/** webserver_config.py (Flask-AppBuilder settings): its top-level `NAME = 'literal'` assignments, in section "webserver_config.py". */
function webserverConfigSettings(text: string): AppSetting[] {
  return [...text.matchAll(/^([A-Z][A-Z0-9_]*)[ \t]*=[ \t]*(?:(["'])(.*?)\2|(None|True|False|\d+))/gm)].map((m) => {
    const value = m[3] ?? m[4]!;
    const start = m.index + m[0].length - value.length - (m[2] ? 1 : 0);
    return { app: 'airflow', section: 'webserver_config.py', option: m[1]!.toLowerCase(), value, start, end: start + value.length, spelling: m[1]! };
  });
}

/** The Helm chart's `config: {section: {option: value}}`, read without expanding aliases (a hostile file costs nothing). */
function chartSettings(text: string): AppSetting[] {
  // Deep flow nesting costs the YAML parser seconds and is no Helm values file.
  if (flowDepthExceeds(text, MAX_FLOW_DEPTH)) return [];
  const config = parseDocument(text, { schema: 'failsafe', uniqueKeys: false }).get('config', true);
  if (!isMap(config)) return [];
  return config.items.flatMap((section) => {
    if (!isScalar(section.key) || !isMap(section.value)) return [];
    const name = String(section.key.value).toLowerCase();
    return section.value.items.flatMap((option) => {
      if (!isScalar(option.key) || !isScalar(option.value) || !option.value.range) return [];
      const value = String(option.value.value);
      const [start, end] = option.value.range;
      const quoted = option.value.type === 'QUOTE_DOUBLE' || option.value.type === 'QUOTE_SINGLE' ? 1 : 0;
      return [{ app: 'airflow', section: name, option: String(option.key.value).toLowerCase(), value: resolved(value), start: start + quoted, end: end - quoted, spelling: `config.${name}.${String(option.key.value)}` }];
    });
  });
}

function environmentSettings(text: string): AppSetting[] {
  if (!text.includes('AIRFLOW__')) return [];
  return environmentValues(text, ENV_NAME).map(({ name, value, start, end }) => ({
    app: 'airflow',
    section: name[1]!.toLowerCase(),
    option: name[2]!.toLowerCase(),
    value: resolved(value),
    start,
    end,
    spelling: name[0],
  }));
}

import { environmentValues } from '../environment.js';
import { resolved, type AppSetting } from '../setting.js';

const AUTH_METHOD_VARIABLE = /\bPOSTGRES_HOST_AUTH_METHOD\b/g;
/** Addresses of a pg_hba.conf line that match every client. */
const ANY_ADDRESS = new Set(['all', '0.0.0.0/0', '::/0', '0.0.0.0/0.0.0.0']);
const LOOPBACK = /^(127\.\d+\.\d+\.\d+(\/\d+)?|::1(\/128)?|samehost|localhost)$/;

/**
 * How PostgreSQL is told to authenticate: the official image's POSTGRES_HOST_AUTH_METHOD wherever it
 * is set, and each pg_hba.conf record as option `<type> <any|range|loopback>` with its method as value.
 */
export function postgresSettings(fileName: string, text: string): AppSetting[] {
  if (fileName === 'pg_hba.conf') return hbaRecords(text);
  if (!text.includes('POSTGRES_HOST_AUTH_METHOD')) return [];
  return environmentValues(text, AUTH_METHOD_VARIABLE).map(({ value, start, end }) => ({
    app: 'postgres',
    section: 'environment',
    option: 'POSTGRES_HOST_AUTH_METHOD',
    value: resolved(value),
    start,
    end,
    spelling: 'POSTGRES_HOST_AUTH_METHOD',
  }));
}

/** `host all all 0.0.0.0/0 trust`, `hostssl db user 10.0.0.0 255.0.0.0 md5`, `local all all peer`. */
function hbaRecords(text: string): AppSetting[] {
  const settings: AppSetting[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const record = line.replace(/#.*/, '').trim().split(/\s+/);
    const type = record[0] ?? '';
    if (/^host(ssl|nossl|gssenc|nogssenc)?$/.test(type) && record.length >= 5) {
      const separateMask = /^[\d.:a-f]+$/i.test(record[3]!) && !record[3]!.includes('/') && /^[\d.:a-f]+$/i.test(record[4] ?? '') && record.length >= 6;
      const address = separateMask ? `${record[3]}/${record[4]}` : record[3]!;
      const method = separateMask ? record[5]! : record[4]!;
      const reach = ANY_ADDRESS.has(address) ? 'any' : LOOPBACK.test(address) ? 'loopback' : 'range';
      const start = offset + line.length - line.trimStart().length;
      settings.push({ app: 'postgres', section: 'pg_hba', option: `${type} ${reach}`, value: method, start, end: offset + line.trimEnd().length, spelling: line.trim() });
    }
    offset += line.length + 1;
  }
  return settings;
}

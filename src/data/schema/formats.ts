/**
 * String formats pipewarden infers and checks. One pattern per format serves both the SQL checks
 * (RE2 in DuckDB, AREs in PostgreSQL) and ajv, so a value passes or fails the same way everywhere.
 */
export const STRING_FORMATS = {
  date: '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$',
  // RFC 3339 with the zone optional (CSV timestamps usually omit it), a space allowed for the T, and
  // an hour-only offset allowed, as DuckDB and PostgreSQL print a timestamp with time zone (+00).
  'date-time': '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?$',
  email: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$',
  uuid: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  // Hierarchical URIs only: "key:value" text is too common to call a URI.
  uri: '^[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s]+$',
} as const;

export type StringFormat = keyof typeof STRING_FORMATS;

export function isStringFormat(name: string): name is StringFormat {
  return Object.hasOwn(STRING_FORMATS, name);
}

/** A name, quoted or not; `{…}` stands for a part a template fills in at run time (`{schema}.orders`). */
const NAME = String.raw`(?:"[^"]+"|\x60[^\x60]+\x60|\[[^\]]+\]|(?:[\w$]|\{[^{}\s]+\})+)`;
const QUALIFIED = String.raw`(${NAME}(?:\s*\.\s*${NAME})*)`;
/** Statements that write one table, named right after their opening words. */
const WRITES = new RegExp(
  String.raw`^\s*(?:insert\s+(?:or\s+\w+\s+)?(?:into|overwrite)(?:\s+table)?|replace\s+into|update(?:\s+only)?|delete\s+from|merge\s+into|truncate(?:\s+table)?|copy|` +
    String.raw`create\s+(?:or\s+replace\s+)?(?:(?:temp|temporary|unlogged)\s+)?table(?:\s+if\s+not\s+exists)?|drop\s+table(?:\s+if\s+exists)?|alter\s+table(?:\s+if\s+exists)?)\s+` +
    QUALIFIED,
  'i',
);
/** A query's first table: `SELECT … FROM t` (not a subquery). */
const READS = new RegExp(String.raw`^\s*select\b[\s\S]*?\bfrom\s+` + QUALIFIED, 'i');

/**
 * The table a SQL statement writes (INSERT, UPDATE, DELETE, MERGE, CREATE, COPY …) or first reads
 * (SELECT … FROM), to name a lineage dataset by its table rather than by the statement's text;
 * undefined for anything else.
 */
export function tableOfStatement(sql: string): string | undefined {
  const match = WRITES.exec(sql) ?? READS.exec(sql);
  return match?.[1]?.split(/\s*\.\s*/).map(unquote).join('.');
}

/** Words of statements that change something; a read-only query has none of them. */
const CHANGES = /\b(?:insert|update|delete|merge|create|drop|alter|truncate|copy|replace|grant|into)\b/i;

/**
 * Whether a SQL statement only reads: a `SELECT` (or `WITH … SELECT`) that writes nowhere. A
 * column or alias named like a write keyword makes it count as a write, which only keeps a sink
 * in the lineage that could have gone.
 */
export function readsOnly(sql: string): boolean {
  return /^\s*(?:select|with)\b/i.test(sql) && !CHANGES.test(sql);
}

function unquote(part: string): string {
  return /^["`[]/.test(part) ? part.slice(1, -1) : part;
}

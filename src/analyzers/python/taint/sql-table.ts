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

/** A select-list item that computes one figure over the rows: an aggregate (wrapped in COALESCE, or not), or a constant. */
const FIGURE = /^(?:(?:coalesce|ifnull|nvl)\s*\(\s*)?(?:count|max|min|sum|avg|bool_and|bool_or|every|exists)\s*\([\s\S]*\)$|^\d+$/i;

/**
 * Whether a query returns only figures computed over the rows it reads (`SELECT COUNT(*) FROM t`,
 * `SELECT MAX(loaded_at) AS mark FROM (…)`) rather than the rows themselves: a check on the data,
 * not records brought in.
 */
export function selectsOnlyAggregates(sql: string): boolean {
  const head = /^\s*select\s+(?!distinct\b)/i.exec(sql);
  if (!head) return false;
  const items: string[] = [];
  let depth = 0;
  let start = head[0].length;
  for (let i = start; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (depth === 0 && c === ',') {
      items.push(sql.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && /^from\b/i.test(sql.slice(i, i + 5)) && /\s/.test(sql[i - 1] ?? '')) {
      items.push(sql.slice(start, i));
      // A window aggregate (`SUM(x) OVER (…)`) gives a figure for every row: those are rows.
      return items.every((item) => !/\bover\s*\(/i.test(item) && FIGURE.test(item.trim().replace(/\s+(?:as\s+)?[\w"]+$/i, '')));
    }
  }
  return false;
}

function unquote(part: string): string {
  return /^["`[]/.test(part) ? part.slice(1, -1) : part;
}

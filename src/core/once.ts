/** The items of `list` whose keys differ, the first of each kept. */
export function once<T>(list: readonly T[], key: (item: T) => unknown[]): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const k = JSON.stringify(key(item));
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

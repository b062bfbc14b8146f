/**
 * Delta debugging (Zeller's ddmin, complement-first): the smallest sublist of `items` for which
 * `fails` still holds, found with at most `budget` tests. `fails(items)` is known to hold.
 */
export async function ddmin<T>(items: T[], fails: (candidate: T[]) => Promise<boolean>, budget: number): Promise<T[]> {
  let current = items;
  let granularity = 2;
  let tests = 0;
  while (current.length >= 2 && tests < budget) {
    const size = Math.ceil(current.length / granularity);
    let reduced = false;
    for (let start = 0; start < current.length && tests < budget; start += size) {
      const complement = [...current.slice(0, start), ...current.slice(start + size)];
      tests++;
      if (complement.length > 0 && (await fails(complement))) {
        current = complement;
        granularity = Math.max(granularity - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (granularity >= current.length) break;
      granularity = Math.min(granularity * 2, current.length);
    }
  }
  return current;
}

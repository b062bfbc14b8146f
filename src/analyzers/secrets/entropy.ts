const asciiCounts = new Int32Array(128);

/** Shannon entropy of a string's characters, in bits per character (0 for the empty string). */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  // Credentials are ASCII: count in a reused table; anything else counts code points in a map.
  if (!/^[\x00-\x7f]*$/.test(value)) return entropyOf([...value]);
  asciiCounts.fill(0);
  for (let i = 0; i < value.length; i++) asciiCounts[value.charCodeAt(i)]!++;
  let bits = 0;
  for (const n of asciiCounts) {
    if (n === 0) continue;
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function entropyOf(chars: string[]): number {
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

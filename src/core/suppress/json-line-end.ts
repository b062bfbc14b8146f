/** A notebook cell's line sits in the .ipynb's JSON as `"code  # marker reason\n",`: the reason ends before the escape. */
export function withoutJsonLineEnd(text: string): string {
  return text.replace(/(?:\\n)?",?\s*$/, (end) => (end.startsWith('\\n') ? '' : end));
}

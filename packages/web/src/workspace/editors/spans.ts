/** A labelled span of text, in code points (as the NER response counts them), end exclusive. */
export interface Entity {
  start: number;
  end: number;
  label: string;
  text?: string;
}

/** A UTF-16 offset (what the DOM selection gives) as a code-point offset (what the response stores). */
export function toCodePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}

/** Adds a span; refuses empty ones and ones that overlap an existing span. Returns the new list or why not. */
export function addEntity(entities: readonly Entity[], chars: readonly string[], start: number, end: number, label: string): Entity[] | string {
  const [s, e] = start <= end ? [start, end] : [end, start];
  // Trim whitespace at the edges: a double-click selection often takes the space after a word.
  let a = s;
  let b = e;
  while (a < b && /\s/.test(chars[a]!)) a++;
  while (b > a && /\s/.test(chars[b - 1]!)) b--;
  if (a >= b) return 'Select some text first.';
  if (entities.some((x) => a < x.end && x.start < b)) return 'That overlaps an entity already marked; remove it first.';
  return [...entities, { start: a, end: b, label, text: chars.slice(a, b).join('') }].sort((x, y) => x.start - y.start);
}

/** The text cut into plain runs and entity runs, for display. */
export function segments(chars: readonly string[], entities: readonly Entity[]): { start: number; text: string; entity?: Entity }[] {
  const out: { start: number; text: string; entity?: Entity }[] = [];
  let at = 0;
  for (const e of [...entities].sort((x, y) => x.start - y.start)) {
    if (e.start > at) out.push({ start: at, text: chars.slice(at, e.start).join('') });
    out.push({ start: e.start, text: chars.slice(e.start, e.end).join(''), entity: e });
    at = e.end;
  }
  if (at < chars.length) out.push({ start: at, text: chars.slice(at).join('') });
  return out;
}

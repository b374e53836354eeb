import type { Fix, TextEdit } from '../core/finding.js';

/** One fix chosen for a pass, with the key its finding is known by (for reporting what was applied). */
export interface FixCandidate<Key = unknown> {
  key: Key;
  fix: Fix;
}

export interface FixSelection<Key = unknown> {
  /** Fixes whose edits fit together; apply them all in this pass. */
  accepted: FixCandidate<Key>[];
  /** Fixes that overlap an accepted one; a later pass re-lints and offers them again if still needed. */
  deferred: FixCandidate<Key>[];
  /** The accepted edits per file, without duplicates, sorted by start offset. */
  editsByFile: Map<string, TextEdit[]>;
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Two edits of one file collide when their ranges overlap, or when both insert at the same
 * offset (their order would be a guess). Touching ranges (`[2,5)` and `[5,5)`) do not collide.
 */
function collides(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

function isWellFormed(edit: TextEdit, textLength: number | undefined): boolean {
  return Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && (textLength === undefined || edit.end <= textLength);
}

/**
 * Picks the fixes of one pass: in the given order, a fix is taken whole (all its edits, in every
 * file) when none of its edits collides with an edit already taken; an edit identical to one
 * already taken counts as done, so two findings that want the same insertion insert it once.
 * `textLength` tells the length of each file's text; a fix with an edit outside it, or in a file
 * `textLength` does not know, is never taken.
 */
export function selectFixes<Key>(candidates: readonly FixCandidate<Key>[], textLength: (file: string) => number | undefined): FixSelection<Key> {
  const editsByFile = new Map<string, TextEdit[]>();
  const accepted: FixCandidate<Key>[] = [];
  const deferred: FixCandidate<Key>[] = [];
  for (const candidate of candidates) {
    const { edits } = candidate.fix;
    const usable = edits.length > 0 && edits.every((edit) => textLength(edit.file) !== undefined && isWellFormed(edit, textLength(edit.file)));
    if (!usable) continue;
    const fresh: TextEdit[] = [];
    let blocked = false;
    for (const edit of edits) {
      const taken = [...(editsByFile.get(edit.file) ?? []), ...fresh.filter((other) => other.file === edit.file)];
      if (taken.some((other) => sameEdit(other, edit))) continue;
      if (taken.some((other) => collides(other, edit))) {
        blocked = true;
        break;
      }
      fresh.push(edit);
    }
    if (blocked) {
      deferred.push(candidate);
      continue;
    }
    accepted.push(candidate);
    for (const edit of fresh) editsByFile.set(edit.file, [...(editsByFile.get(edit.file) ?? []), edit]);
  }
  for (const edits of editsByFile.values()) edits.sort((a, b) => a.start - b.start || a.end - b.end);
  return { accepted, deferred, editsByFile };
}

/**
 * Applies non-overlapping edits (as `selectFixes` returns them) to `text` in one pass from the
 * end, so earlier offsets stay valid. Every character outside the edited ranges is kept as it
 * was: line endings, comments, indentation.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  const pieces: string[] = [];
  let tail = text.length;
  for (const edit of ordered) {
    if (edit.end > tail) throw new RangeError(`overlapping edits at offset ${edit.start}`);
    pieces.push(text.slice(edit.end, tail), edit.text);
    tail = edit.start;
  }
  pieces.push(text.slice(0, tail));
  return pieces.reverse().join('');
}

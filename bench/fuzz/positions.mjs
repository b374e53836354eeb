// Checks every position a parser produced against the text it came from: a span-like object is
// any object with numeric line/column/endLine/endColumn; offsets, when present, must map back to
// the same line and column through the project's LineIndex, and a token's `raw` must be the
// text between its offsets.

/** Properties that hold parser-library nodes or back-references, not positions of our own. */
const SKIPPED_KEYS = new Set(['doc', 'node', 'source', 'lineIndex', 'scalar', 'reader', 'text']);
const MAX_PROBLEMS = 20;

function isSpanLike(value) {
  return typeof value.line === 'number' && typeof value.column === 'number' && typeof value.endLine === 'number' && typeof value.endColumn === 'number';
}

/**
 * @param {unknown} root parser output
 * @param {(file: string) => string | undefined} textOf the text a file's positions refer to
 * @param {new (text: string) => { lineCount: number, positionAt(offset: number): { line: number, column: number }, lineText(line: number): string }} LineIndex
 * @returns {{ problems: string[], spanCount: number }} one message per violation (prefixed with the
 *   property path) and how many positions were checked — a deterministic measure of output size
 */
export function checkPositions(root, textOf, LineIndex) {
  const problems = [];
  let spanCount = 0;
  const indexes = new Map();
  const indexOf = (file) => {
    let index = indexes.get(file);
    if (index === undefined) {
      const text = textOf(file);
      index = text === undefined ? null : { lines: new LineIndex(text), widths: new Map() };
      indexes.set(file, index);
    }
    return index;
  };
  const seen = new Set();
  const stack = [{ value: root, path: '$' }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (isSpanLike(value)) {
      spanCount++;
      checkSpan(value, path, indexOf, problems);
    }
    if (value instanceof Map) {
      for (const [key, item] of value) stack.push({ value: item, path: `${path}{${String(key)}}` });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]` });
      continue;
    }
    for (const [key, item] of Object.entries(value)) {
      if (!SKIPPED_KEYS.has(key)) stack.push({ value: item, path: `${path}.${key}` });
    }
  }
  return { problems, spanCount };
}

function checkSpan(span, path, indexOf, problems) {
  const fail = (message) => problems.push(`${path}: ${message}`);
  if (typeof span.file !== 'string') return fail('position without a file');
  const cached = indexOf(span.file);
  if (cached === null) return fail(`position in a file the parser was not given: ${JSON.stringify(span.file)}`);
  const { lines: index, widths } = cached;
  const text = index.text;
  const widthOf = (line) => {
    let width = widths.get(line);
    if (width === undefined) widths.set(line, (width = index.lineText(line).length));
    return width;
  };
  const checkPoint = (name, line, column) => {
    if (!Number.isInteger(line) || line < 1 || line > index.lineCount) return fail(`${name} line ${line} outside 1..${index.lineCount}`);
    const width = widthOf(line);
    if (!Number.isInteger(column) || column < 1 || column > width + 1) fail(`${name} column ${column} outside 1..${width + 1} of line ${line}`);
  };
  checkPoint('start', span.line, span.column);
  checkPoint('end', span.endLine, span.endColumn);
  if (span.line > span.endLine || (span.line === span.endLine && span.column > span.endColumn)) {
    fail(`ends (${span.endLine}:${span.endColumn}) before it starts (${span.line}:${span.column})`);
  }
  if (typeof span.reportedLine === 'number' && (span.reportedLine < 1 || span.reportedLine > index.lineCount)) {
    fail(`reportedLine ${span.reportedLine} outside 1..${index.lineCount}`);
  }
  if (typeof span.start !== 'number' || typeof span.end !== 'number') return;
  if (!(span.start >= 0 && span.start <= span.end && span.end <= text.length)) {
    return fail(`offsets ${span.start}..${span.end} outside 0..${text.length} or reversed`);
  }
  const from = index.positionAt(span.start);
  const to = index.positionAt(span.end);
  if (from.line !== span.line || from.column !== span.column) fail(`start offset ${span.start} is ${from.line}:${from.column}, the span says ${span.line}:${span.column}`);
  if (to.line !== span.endLine || to.column !== span.endColumn) fail(`end offset ${span.end} is ${to.line}:${to.column}, the span says ${span.endLine}:${span.endColumn}`);
  if (typeof span.raw === 'string' && text.slice(span.start, span.end) !== span.raw) {
    fail(`raw ${JSON.stringify(span.raw.slice(0, 40))} is not the text at ${span.start}..${span.end}`);
  }
}

/** A problem's kind without indices, offsets or quoted text, so that one bug minimises to one reproducer. */
export function problemSignature(problem) {
  return problem
    .replace(/\[\d+\]/g, '[]')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\d+/g, 'N');
}

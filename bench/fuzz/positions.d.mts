export interface LineIndexLike {
  readonly text: string;
  readonly lineCount: number;
  positionAt(offset: number): { line: number; column: number };
  lineText(line: number): string;
}

export declare function checkPositions(
  root: unknown,
  textOf: (file: string) => string | undefined,
  LineIndex: new (text: string) => LineIndexLike,
): { problems: string[]; spanCount: number };

export declare function problemSignature(problem: string): string;

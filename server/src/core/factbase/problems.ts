/**
 * Problems found while loading or validating the fact base: a message tied to a file
 * position, as the CLI prints it and the language server publishes it.
 */

/** One problem of the fact base. Lines and columns are 0-based (UTF-16 columns). */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** End of the offending text, when known (for editor ranges). */
  endLine?: number;
  endColumn?: number;
  message: string;
  severity: 'error' | 'warning';
  /** Other places the problem involves (the first definition of a duplicate id…). */
  related?: { file: string; line: number; column: number; message: string }[];
}

/** A position in a file, 0-based. */
export interface FilePosition {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Builds a problem at a position. */
export function problemAt(file: string, pos: FilePosition, message: string, severity: Problem['severity'] = 'error'): Problem {
  const p: Problem = { file, line: pos.line, column: pos.column, message, severity };
  if (pos.endLine !== undefined && pos.endColumn !== undefined) {
    p.endLine = pos.endLine;
    p.endColumn = pos.endColumn;
  }
  return p;
}

/** Sorts problems by file, line and column (stable for equal positions). */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column,
  );
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

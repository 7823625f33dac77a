import type { DiagnosticReport } from '../protocol';

/** A zero-based range, the shape of vscode.Range without depending on it. */
export interface ZeroBasedRange {
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

/**
 * Where a daemon diagnostic goes in the editor. The daemon reports 1-based line and column, 0 when unknown:
 * - line and column known: from the column to the end of the token there (a requirement, a TOML key or value);
 *   when the column is past the line's end (TOML reports a missing `]` after the last character), the line's last
 *   character;
 * - line known, column unknown: the line without its indentation;
 * - nothing known: the start of the file, zero-width.
 * @param lineText the text of a zero-based line, or undefined when the file or line cannot be read.
 */
export function diagnosticRange(report: Pick<DiagnosticReport, 'line' | 'column'>,
  lineText: (zeroBasedLine: number) => string | undefined): ZeroBasedRange {
  if (report.line <= 0) {
    return { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0 };
  }
  const line = report.line - 1;
  const text = lineText(line);
  if (text === undefined) {
    const character = Math.max(0, report.column - 1);
    return { startLine: line, startCharacter: character, endLine: line, endCharacter: character + (report.column > 0 ? 1 : 0) };
  }
  if (report.column <= 0) {
    const indentation = text.length - text.trimStart().length;
    return { startLine: line, startCharacter: indentation, endLine: line, endCharacter: text.trimEnd().length };
  }
  let start = report.column - 1;
  if (start >= text.length) {
    start = Math.max(0, text.trimEnd().length - 1);
    return { startLine: line, startCharacter: start, endLine: line, endCharacter: Math.min(text.length, start + 1) };
  }
  let end = start;
  while (end < text.length && !/\s/.test(text.charAt(end))) {
    end++;
  }
  if (end === start) {
    end = start + 1; // At whitespace: mark that one character, so the squiggle is visible.
  }
  return { startLine: line, startCharacter: start, endLine: line, endCharacter: end };
}

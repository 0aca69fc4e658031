import { cellText } from './cells';

// The import templates carry one sample row so users see what a filled row looks like (issue 18, item
// 12). It starts with this mark; the reader skips any row with a cell that starts with it, so
// importing an untouched template imports nothing, and the preview says the row was skipped.

export const EXAMPLE_MARK = '【示例】';

/** True for the template's sample row: one of its cells starts with 【示例】. */
export function isExampleRow(cells: readonly unknown[]): boolean {
  return cells.some((value) => cellText(value).startsWith(EXAMPLE_MARK));
}

/** The template's note on the sample row, shared by the project and lead templates. */
export const EXAMPLE_NOTE = `第 3 行为示例（以“${EXAMPLE_MARK}”开头），导入时自动跳过，可删除或保留`;

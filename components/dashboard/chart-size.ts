/** Height of a row of a horizontal bar chart, in pixels. */
export const ROW_HEIGHT = 34;

/** Height of a horizontal bar chart with `rows` categories: the chart and the box reserved for it before it draws. */
export function barChartHeight(rows: number, perRow = ROW_HEIGHT): number {
  return Math.max(160, rows * perRow + 70);
}

/**
 * A cell for a CSV file opened in a spreadsheet: text starting with = + - @ (or a tab or carriage
 * return) would run as a formula, so it gets a leading apostrophe. Pure.
 */
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

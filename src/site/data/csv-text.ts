/**
 * RFC 4180 text for spreadsheets. Two separate concerns: quoting (lossless for any CSV reader) and
 * formula neutralisation (a lossy safety measure for spreadsheet programs).
 */

/** A plain decimal number such as `-12` or `3.5`: a spreadsheet reads it as that number and nothing else. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
/**
 * Cells that Excel, LibreOffice or Google Sheets may evaluate: starting with `=`, `+`, `-` or `@`
 * (also their full-width forms, and after leading whitespace, which some importers trim), or with a
 * tab or carriage return.
 */
const FORMULA = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/**
 * Prefixes `'` to a cell a spreadsheet would run as a formula (OWASP's advice against CSV injection).
 * A plain decimal number is left alone: `-3` is a number, not a formula, and we can tell that from
 * its text alone; `-2+3`, `-A1` or `- 1` are not plain numbers and get the prefix.
 */
export function neutraliseFormula(cell: string): string {
  if (PLAIN_NUMBER.test(cell)) return cell;
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

/**
 * C0 controls other than tab, LF and CR, which spreadsheets and many CSV readers choke on (NUL above
 * all), and lone UTF-16 surrogates, which UTF-8 cannot encode (a writer would turn them into U+FFFD).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One field: quoted when it holds `"`, `,`, CR or LF, with inner quotes doubled. */
export function csvField(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** A cell as it is written: controls and lone surrogates removed, formulas neutralised. */
export function csvCell(value: string): string {
  return neutraliseFormula(value.replace(CONTROL, ""));
}

/** The whole file: UTF-8 BOM (so spreadsheets detect the encoding), CRLF after every record. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("")}`;
}

/** Column letters as the spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `Formateurs!C12`: the tab as received, the column letter, the row number as in the sheet. */
export function cellRef(tab: string, columnIndex: number, row: number): string {
  return `${tab}!${columnLetter(columnIndex)}${row}`;
}

import { formatTimestamp } from "../../core/format.ts";

/** One line of the Contrôles tab: where, what was there, what is wrong, what to do. */
export interface ControlIssue {
  cell: string;
  column: string;
  value: string;
  problem: string;
  fix: string;
}

export const CONTROLS_HEADER = ["Cellule", "Colonne", "Valeur", "Problème", "À faire"];
export const NO_PROBLEM = "Aucun problème trouvé.";

/** The whole content of the Contrôles tab, in French, as rows of text. Pure. */
export function controlsRows(lastSync: Date | null, issues: ControlIssue[]): string[][] {
  const rows: string[][] = [
    ["Contrôles ImaginEcole", "Onglet réécrit à chaque synchronisation : corrigez les cellules indiquées dans leurs onglets, pas ici."],
    ["Dernière synchronisation réussie", lastSync ? formatDateTime(lastSync) : "aucune"],
    ["Problèmes trouvés", String(issues.length)],
    [],
    CONTROLS_HEADER,
  ];
  if (issues.length === 0) rows.push(["", "", "", NO_PROBLEM, ""]);
  for (const issue of [...issues].sort(byCell)) rows.push([issue.cell, issue.column, issue.value, issue.problem, issue.fix]);
  return rows;
}

/** 28/11/2026 10:05 UTC: the tab is French, like the template. */
export function formatDateTime(date: Date): string {
  return `${formatTimestamp("fr", date, { seconds: false })} UTC`;
}

/** Tab, then row, then column, as a person reads the sheet. */
function byCell(a: ControlIssue, b: ControlIssue): number {
  const pa = splitCell(a.cell);
  const pb = splitCell(b.cell);
  return pa.tab.localeCompare(pb.tab) || pa.row - pb.row || pa.col - pb.col;
}

function splitCell(cell: string): { tab: string; row: number; col: number } {
  const m = /^(.*)!([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return { tab: cell, row: 0, col: 0 };
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { tab: m[1]!, row: Number(m[3]), col: col === -1 ? 0 : col };
}


import iconv from "iconv-lite";
import { addDays, frDay, isoDay, type Month } from "./calendar.ts";
import { toCsv } from "./csv.ts";
import type { Rng } from "./random.ts";
import type { NationalShape } from "./scenario.ts";

export interface DailyUsage {
  day: Date;
  activeUsers: number;
  newUsers: number;
  sessions: number;
  pageViews: number;
  downloads: number;
}

/** Daily figures of a national platform for one month, around its monthly active users. */
export function dailyUsage(rng: Rng, month: Month, monthlyActive: number): DailyUsage[] {
  const days: DailyUsage[] = [];
  for (let d = 0; d < month.days; d++) {
    const day = addDays(month.start, d);
    const weekday = day.getUTCDay();
    const week = weekday === 0 ? 0.5 : weekday === 6 ? 0.7 : 1;
    const activeUsers = Math.max(1, Math.round(monthlyActive * 0.22 * week * (0.85 + rng.next() * 0.3)));
    const sessions = Math.round(activeUsers * (1.3 + rng.next() * 0.3));
    const pageViews = Math.round(sessions * (3.5 + rng.next() * 2));
    days.push({
      day,
      activeUsers,
      newUsers: Math.round(activeUsers * (0.03 + rng.next() * 0.06)),
      sessions,
      pageViews,
      downloads: Math.round(pageViews * (0.08 + rng.next() * 0.08)),
    });
  }
  return days;
}

const FR_MONTHS = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

export interface NationalFile {
  name: string;
  bytes: Buffer;
}

/** Headers of the platform that needs a mapping profile (none of them is canonical but `Jour`). */
export const RENAMED_HEADERS = ["Jour", "Visiteurs uniques", "Nouveaux comptes", "Visites", "Pages consultées", "Fichiers téléchargés"];

/** One month's export file, in the shape of the country's platform. */
export function nationalFile(shape: NationalShape, country: string, month: Month, days: readonly DailyUsage[]): NationalFile {
  const [year, mm] = month.key.split("-") as [string, string];
  const counts = (d: DailyUsage) => [d.activeUsers, d.newUsers, d.sessions, d.pageViews, d.downloads].map(String);
  const ratio = (views: number, sessions: number) => (sessions === 0 ? "0" : (views / sessions).toFixed(2).replace(".", ","));
  switch (shape) {
    case "fr-excel":
    case "fr-excel-total": {
      const rows = days.map((d) => [frDay(d.day), ...counts(d), ratio(d.pageViews, d.sessions)]);
      if (shape === "fr-excel-total") {
        const sum = (pick: (d: DailyUsage) => number) => days.reduce((s, d) => s + pick(d), 0);
        const views = sum((d) => d.pageViews);
        const sessions = sum((d) => d.sessions);
        rows.push(["Total", String(sum((d) => d.activeUsers)), String(sum((d) => d.newUsers)), String(sessions), String(views), String(sum((d) => d.downloads)), ratio(views, sessions)]);
      }
      const headers = ["Date", "Utilisateurs actifs", "Nouveaux utilisateurs", "Sessions", "Pages vues", "Téléchargements", "Pages par session"];
      const text = toCsv([headers, ...rows], { delimiter: ";", eol: "\r\n", finalEol: true });
      const name = shape === "fr-excel" ? `Statistiques_${year}_${mm}.csv` : `rapport_mensuel_${FR_MONTHS[Number(mm) - 1]}_${year}.csv`;
      return { name, bytes: iconv.encode(text, "win1252") };
    }
    case "en-utf8": {
      const headers = ["date", "active_users", "new_users", "sessions", "page_views", "downloads"];
      const text = toCsv([headers, ...days.map((d) => [isoDay(d.day), ...counts(d)])], { delimiter: ",", eol: "\n", finalEol: true });
      return { name: `${country.toLowerCase()}_platform_usage_${year}-${mm}.csv`, bytes: Buffer.from(text, "utf8") };
    }
    case "fr-utf8-bom": {
      const headers = ["Date", "Utilisateurs actifs", "Nouveaux inscrits", "Sessions", "Pages vues", "Téléchargements"];
      const text = toCsv([headers, ...days.map((d) => [isoDay(d.day), ...counts(d)])], { delimiter: ",", eol: "\n", finalEol: true });
      return { name: `export-${year}${mm}.csv`, bytes: Buffer.from(`\uFEFF${text}`, "utf8") };
    }
    case "renamed": {
      const text = toCsv([RENAMED_HEADERS, ...days.map((d) => [frDay(d.day), ...counts(d)])], { delimiter: ";", eol: "\n", finalEol: true });
      return { name: `frequentation_${year}-${mm}.csv`, bytes: Buffer.from(text, "utf8") };
    }
  }
}

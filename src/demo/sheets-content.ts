import { addDays, dayBetween, daysBetween, frDay, type Month } from "./calendar.ts";
import { ACTIVITIES, COMMENTS, slug, GRADES, languages, RESOURCE_TYPES, regions, ROLES, TOPICS } from "./flavour.ts";
import { person, workEmail, type Person } from "./people.ts";
import type { CountryPlan, DemoPlan } from "./plan.ts";
import { rngFor, type Rng } from "./random.ts";
import { DEMO_SCENARIO, type BadRowProblem, type Story, type Tab } from "./scenario.ts";

/** A cell as a person typed it; Date is a date cell (a CSV download turns it into text). */
export type Cell = string | number | Date | null;

export interface TabData {
  tab: Tab;
  /** Template headers; hand-typed variants are applied when the tab is written. */
  headers: string[];
  /** `null` is a row left empty. */
  rows: (Cell[] | null)[];
}

export interface BadRow {
  country: string;
  tab: Tab;
  row: number;
  column: string;
  value: string;
  problem: BadRowProblem;
}

export interface PublishedResource {
  id: string;
  title: string;
  on: Date;
}

export interface CountrySheet {
  country: string;
  tabs: TabData[];
  published: PublishedResource[];
  personal: string[];
  bad: BadRow[];
}

export const TEMPLATE: Record<Exclude<Tab, "Validation" | "Commentaires">, string[]> = {
  Formateurs: ["ID formateur", "Nom", "Sexe", "Région", "Fonction", "Date de formation", "Certifié"],
  Sessions: [
    "ID session", "ID formateur", "Date de début", "Date de fin", "Région", "Niveau", "Modalité",
    "Enseignants formés (F)", "Enseignants formés (H)",
  ],
  Ressources: ["ID ressource", "Titre", "Discipline", "Niveau", "Langue", "Type", "Statut", "Date du statut", "Lien"],
  Activités: ["ID activité", "Activité", "Responsable", "Échéance", "Statut", "Commentaire"],
};
export const VALIDATION_HEADERS = ["Mois", "Validé par", "Date de validation"];
export const COMMENT_HEADERS = ["Mois", "Indicateur ou constat", "Commentaire", "Rôle de l'auteur"];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Mostly the dropdown value, sometimes what someone typed instead. */
function coded(rng: Rng, column: keyof typeof DEMO_SCENARIO.codedVariants, value: string): string {
  const variants = (DEMO_SCENARIO.codedVariants[column] as Record<string, readonly string[]>)[value];
  return variants && rng.chance(0.1) ? rng.pick(variants) : value;
}

function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = rng.next() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

interface Trainer {
  id: string;
  who: Person;
  region: string;
  trainedOn: Date;
}

function trainers(rng: Rng, cp: CountryPlan, from: Date): { tab: TabData; list: Trainer[] } {
  const count = Math.max(12, cp.reached.trainers);
  const to = addDays(cp.lastSheetDay, -7);
  // Trainers are trained in workshops: a few cohorts sharing a date.
  const cohorts = Math.max(3, Math.ceil(count / 12));
  const span = Math.max(0, daysBetween(from, to));
  const cohortDays = Array.from({ length: cohorts }, (_, i) =>
    addDays(from, Math.min(span, Math.round(((i + 0.5) / cohorts) * span) + rng.int(-5, 5))),
  );
  const withEmail = (DEMO_SCENARIO.emailColumn as readonly string[]).includes(cp.code);
  const headers = [...TEMPLATE.Formateurs];
  if (withEmail) headers.splice(2, 0, "E-mail");
  const list: Trainer[] = [];
  for (let i = 0; i < count; i++) {
    list.push({ id: "", who: person(rng, cp.code, 0.35), region: rng.pick(regions(cp.code)), trainedOn: rng.pick(cohortDays) });
  }
  list.sort((a, b) => a.trainedOn.getTime() - b.trainedOn.getTime());
  const rows = list.map((t, i): Cell[] => {
    t.id = `FOR-${cp.code}-${pad(i + 1, 3)}`;
    const certified = daysBetween(t.trainedOn, cp.lastSheetDay) > 60 && rng.chance(0.8) ? "Oui" : "Non";
    const email = withEmail ? [rng.chance(0.85) ? workEmail(t.who, cp.code, i + 1) : ""] : [];
    return [t.id, t.who.name, ...email, coded(rng, "Sexe", t.who.sex), t.region, rng.pick(ROLES), t.trainedOn, coded(rng, "Certifié", certified)];
  });
  return { tab: { tab: "Formateurs", headers, rows }, list };
}

function sessions(rng: Rng, cp: CountryPlan, trained: readonly Trainer[]): TabData {
  const goal = Math.max(60, cp.reached.teachers);
  const femaleShare = 0.3 + rng.next() * 0.25;
  const last = addDays(cp.lastSheetDay, -5);
  const planned: { trainer: Trainer; start: Date; end: Date; f: number; h: number }[] = [];
  for (let total = 0; total < goal || planned.length < 14; ) {
    const trainer = rng.pick(trained);
    const earliest = addDays(trainer.trainedOn, 14);
    const start = earliest < last ? dayBetween(rng.next, earliest, last) : trainer.trainedOn;
    const end = addDays(start, rng.int(0, 4));
    const size = rng.int(15, 40);
    const f = Math.round(size * femaleShare * (0.8 + rng.next() * 0.4));
    planned.push({ trainer, start, end: end > cp.lastSheetDay ? start : end, f, h: Math.max(0, size - f) });
    total += size;
  }
  planned.sort((a, b) => a.start.getTime() - b.start.getTime());
  const rows = planned.map((s, i): Cell[] => [
    `SES-${cp.code}-${pad(i + 1, 3)}`,
    s.trainer.id,
    s.start,
    s.end,
    rng.chance(0.85) ? s.trainer.region : rng.pick(regions(cp.code)),
    coded(rng, "Niveau", weighted(rng, [["Primaire", 6], ["Secondaire", 2.5], ["Préscolaire", 1.5]] as const)),
    coded(rng, "Modalité", weighted(rng, [["Présentiel", 5], ["Hybride", 3], ["À distance", 2]] as const)),
    s.f,
    s.h,
  ]);
  return { tab: "Sessions", headers: [...TEMPLATE.Sessions], rows };
}

function resources(rng: Rng, plan: DemoPlan, cp: CountryPlan, from: Date): TabData {
  const backlog = cp.code === DEMO_SCENARIO.validationBacklog;
  const published = Math.max(4, Math.round(cp.reached.resources * (backlog ? 0.6 : 1)));
  const recent = (days: number) => dayBetween(rng.next, addDays(cp.lastSheetDay, -days), cp.lastSheetDay);
  const statuses: { status: string; on: Date }[] = [];
  const add = (status: string, n: number, on: () => Date) => {
    for (let i = 0; i < n; i++) statuses.push({ status, on: on() });
  };
  add("Publiée", published, () => dayBetween(rng.next, addDays(from, 60), cp.lastSheetDay));
  add("En validation", backlog ? 14 : rng.int(2, 4), () =>
    backlog ? dayBetween(rng.next, addDays(plan.asOf, -300), addDays(plan.asOf, -70)) : recent(30),
  );
  add("Validée", rng.int(2, 3), () => recent(20));
  add("En production", rng.int(3, 6), () => recent(45));
  add("Rejetée", rng.int(1, 2), () => recent(200));
  for (const s of statuses) if (s.on > cp.lastSheetDay) s.on = cp.lastSheetDay;
  statuses.sort((a, b) => a.on.getTime() - b.on.getTime());
  const rows = statuses.map((s, i): Cell[] => {
    const id = `RES-${cp.code}-${pad(i + 1, 3)}`;
    const discipline = rng.pick(Object.keys(TOPICS));
    const level = weighted(rng, [["Primaire", 6], ["Secondaire", 3], ["Préscolaire", 1]] as const);
    const title = `${rng.pick(TOPICS[discipline] ?? ["Leçon"])} – ${rng.pick(GRADES[level])}`;
    const link =
      s.status === "Publiée"
        ? `https://imaginecole.org/ressources/${cp.code}/${id}`
        : rng.chance(0.5)
          ? `https://drive.google.com/file/d/${rng.uuid().replaceAll("-", "")}/view`
          : "";
    return [id, title, discipline, coded(rng, "Niveau", level), rng.pick(languages(cp.code)), rng.pick(RESOURCE_TYPES), coded(rng, "Statut", s.status), s.on, link];
  });
  return { tab: "Ressources", headers: [...TEMPLATE.Ressources], rows };
}

function activities(rng: Rng, plan: DemoPlan, cp: CountryPlan, owners: readonly Person[]): TabData {
  const doneShare = cp.story === "ahead" ? 0.9 : cp.story === "lagging" ? 0.45 : 0.75;
  const until = cp.story === "stale-sheet" ? cp.lastSheetDay : plan.phase.end;
  const rows = ACTIVITIES.map((label, i): Cell[] => {
    const due = dayBetween(rng.next, addDays(plan.phase.start, 30), until);
    const status =
      due < plan.asOf
        ? rng.chance(doneShare)
          ? "Réalisée"
          : weighted(rng, [["En cours", 4], ["Prévue", 3], ["Reportée", 2], ["Annulée", 1]] as const)
        : rng.chance(0.8)
          ? "Prévue"
          : "En cours";
    const owner = rng.pick(owners);
    const comment = fillComment(rng.pick(status === "Réalisée" ? COMMENTS.done : COMMENTS.open), owner, cp.code, i);
    return [`ACT-${cp.code}-${pad(i + 1, 2)}`, label, owner.name, due, status, comment];
  });
  return { tab: "Activités", headers: [...TEMPLATE.Activités], rows };
}

/** A comment template with the row's person in it: name, e-mail and a phone number made from the row. */
function fillComment(template: string, owner: Person, country: string, row: number): string {
  const phone = `+${PHONE_PREFIX[country] ?? "221"} 77 ${pad(10 + row, 2)} ${pad(owner.first.length * 7, 2)} ${pad(owner.last.length * 3, 2)}`;
  return template
    .replace("{name}", owner.name)
    .replace("{email}", `${slug(owner.first)}.${slug(owner.last)}@gmail.com`)
    .replace("{phone}", phone);
}

/** Country calling codes of the demo's countries. */
const PHONE_PREFIX: Record<string, string> = {
  BF: "226", BJ: "229", CI: "225", CM: "237", GN: "224", ML: "223", NE: "227", SN: "221", TD: "235", TG: "228",
};

function validation(rng: Rng, months: readonly Month[], validators: readonly Person[]): TabData {
  // Every window month but the last is validated: up to two months before asOf.
  const rows = months.slice(0, -1).map((m): Cell[] => [
    `${m.key.slice(5, 7)}/${m.key.slice(0, 4)}`,
    rng.pick(validators).name,
    addDays(m.end, rng.int(7, 25)),
  ]);
  return { tab: "Validation", headers: [...VALIDATION_HEADERS], rows };
}

/** What a team writes about its story, month by month from the end of the window (0 = the last month). */
const STORY_COMMENTS: Partial<Record<Story, readonly (readonly [number, string, string, string])[]>> = {
  lagging: [
    [1, "Enseignants formés", "Les sessions de cascade prévues ont été reportées après la rentrée scolaire.", "Point focal national"],
    [0, "Enseignants formés", "Reprise des sessions en décembre avec deux formateurs de plus par région.", "Point focal national"],
  ],
  "validation-backlog": [
    [0, "Ressources bloquées en validation", "Le comité national de validation ne s'est pas réuni depuis l'été ; une session est programmée.", "Suivi-évaluation"],
  ],
  "falling-use": [
    [0, "Utilisateurs actifs mensuels", "Coupures d'électricité et de connexion dans plusieurs régions ces trois derniers mois.", "Équipe pays"],
  ],
  "missing-national-month": [
    [2, "Données en retard ou manquantes", "L'export de la plateforme nationale de ce mois a été perdu lors d'un changement de serveur ; renvoi en cours.", "Point focal national"],
  ],
  ahead: [
    [0, "Enseignants formés", "Deux sessions supplémentaires financées par un partenaire local.", "Point focal national"],
  ],
};

/** The Commentaires tab: a few words of context on the figures, by role, for the countries with a story to tell. */
function comments(plan: DemoPlan, cp: CountryPlan): TabData | null {
  const lines = STORY_COMMENTS[cp.story];
  if (!lines) return null;
  const rows = lines.map(([fromEnd, subject, text, role]): Cell[] => {
    const month = plan.months[plan.months.length - 1 - fromEnd]!;
    return [`${month.key.slice(5, 7)}/${month.key.slice(0, 4)}`, subject, text, role];
  });
  return { tab: "Commentaires", headers: [...COMMENT_HEADERS], rows };
}

/** The regional sheet's Commentaires tab: the coordination's word on the last month. */
export function regionalComments(plan: DemoPlan): string[][] {
  const month = plan.months[plan.months.length - 1]!;
  const mm = `${month.key.slice(5, 7)}/${month.key.slice(0, 4)}`;
  return [
    [...COMMENT_HEADERS],
    [mm, "Général", "Atelier régional des points focaux à Dakar : les plans d'action de l'an prochain sont en cours de validation.", "Coordination régionale"],
    [mm, `${DEMO_SCENARIO.validationBacklog}/resources_stuck_in_validation`, "Appui régional proposé : deux relecteurs mis à disposition du comité de validation.", "Coordination régionale"],
  ];
}

/** Turns the row at a scenario's position into the bad row it asks for; returns the bad value. */
function spoil(row: Cell[], headers: string[], column: string, problem: BadRowProblem, plan: DemoPlan, code: string, earlier: readonly (Cell[] | null)[]): string {
  const at = (name: string) => headers.indexOf(name);
  const col = at(column);
  if (col < 0) throw new Error(`demo scenario names an unknown column ${column}`);
  switch (problem) {
    case "invalid-sex":
      row[col] = "X";
      break;
    case "end-before-start": {
      const start = row[at("Date de début")];
      row[col] = start instanceof Date ? addDays(start, -3) : start ?? null;
      break;
    }
    case "unknown-trainer":
      row[col] = `FOR-${code}-999`;
      break;
    case "negative-count":
      row[col] = -12;
      break;
    case "duplicate-id":
      row[col] = earlier.find((r) => r !== null)?.[col] ?? null;
      break;
    case "future-date":
      row[col] = addDays(plan.asOf, 45);
      break;
  }
  const value = row[col];
  return value instanceof Date ? frDay(value) : String(value ?? "");
}

/** Inserts the scenario's empty rows and spoils its bad rows, at their fixed sheet rows. */
function place(tab: TabData, plan: DemoPlan, code: string, bad: BadRow[]): TabData {
  const empties = new Set(DEMO_SCENARIO.emptyRows.filter((e) => e.country === code && e.tab === tab.tab).map((e) => e.row));
  const spoilt = new Map(DEMO_SCENARIO.badRows.filter((b) => b.country === code && b.tab === tab.tab).map((b) => [b.row, b]));
  const rows: (Cell[] | null)[] = [];
  let next = 0;
  while (next < tab.rows.length) {
    const sheetRow = rows.length + 2;
    if (empties.has(sheetRow)) {
      rows.push(null);
      continue;
    }
    const row = tab.rows[next++]!;
    const spec = spoilt.get(sheetRow);
    if (row && spec) {
      const value = spoil(row, tab.headers, spec.column, spec.problem, plan, code, rows);
      bad.push({ country: code, tab: tab.tab, row: sheetRow, column: spec.column, value, problem: spec.problem });
    }
    rows.push(row);
  }
  return { ...tab, rows };
}

/** The tabs of one country's spreadsheet, as the country team filled them in. */
export function buildCountrySheet(plan: DemoPlan, cp: CountryPlan, seed: number): CountrySheet {
  const rng = rngFor(seed, `sheets/${cp.code}`);
  const from = plan.phase.start < cp.lastSheetDay ? plan.phase.start : plan.first;
  const formateurs = trainers(rng, cp, from);
  const owners = Array.from({ length: 4 }, () => person(rng, cp.code));
  const validators = Array.from({ length: 2 }, () => person(rng, cp.code));
  const tabs = [formateurs.tab, sessions(rng, cp, formateurs.list), resources(rng, plan, cp, from), activities(rng, plan, cp, owners)];
  const validated = !(DEMO_SCENARIO.noValidationTab as readonly string[]).includes(cp.code);
  if (validated) tabs.push(validation(rng, plan.months, validators));
  const commented = comments(plan, cp);
  if (commented) tabs.push(commented);
  const bad: BadRow[] = [];
  const placed = tabs.map((t) => place(t, plan, cp.code, bad));

  const badRows = new Set(bad.filter((b) => b.tab === "Ressources").map((b) => b.row));
  const published: PublishedResource[] = [];
  placed.find((t) => t.tab === "Ressources")?.rows.forEach((row, i) => {
    const [id, title, , , , , , on, link] = row ?? [];
    if (badRows.has(i + 2) || typeof link !== "string" || !link.startsWith("https://imaginecole.org/")) return;
    if (typeof id === "string" && typeof title === "string" && on instanceof Date) published.push({ id, title, on });
  });
  return { country: cp.code, tabs: placed, published, personal: personalCells(placed), bad };
}

/** Every name and e-mail written in the tabs: what the warehouse must never hold. */
function personalCells(tabs: readonly TabData[]): string[] {
  const personalColumns = new Set(["Nom", "E-mail", "Responsable", "Validé par"]);
  const found = new Set<string>();
  for (const tab of tabs) {
    tab.headers.forEach((header, col) => {
      if (!personalColumns.has(header)) return;
      for (const row of tab.rows) {
        const value = row?.[col];
        if (typeof value === "string" && value !== "") found.add(value);
      }
    });
  }
  return [...found];
}

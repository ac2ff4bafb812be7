import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import mammoth from "mammoth";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMonthReport } from "../../src/coordinator/report.ts";
import { composeNote, plainText } from "../../src/note/index.ts";
import { Warehouse } from "../../src/warehouse/warehouse.ts";
import { cli, cliAsync, demoConfig, ROOT, tempDir } from "../support/cli.ts";
import { copyOfSharedWarehouse, sharedDemo } from "../support/shared-demo.ts";

// The demo built on 28 November 2026: October is the last complete month, and the first run also
// described September, so October's note can say what changed.
const MONTH = "2026-10";
const dir = tempDir("coordinator-");
const db = join(dir, "warehouse.duckdb");
let config: string;

// The suite's shared demo run (test/support/shared-demo.ts), on a copy of its warehouse.
beforeAll(async () => {
  const demo = await sharedDemo();
  config = demoConfig(dir, demo.inputs);
  expect(demo.run.code, demo.run.stderr).toBe(3);
  await copyOfSharedWarehouse(db);
}, 600_000);

const words = (text: string) => text.replace(/\s+/g, " ").trim();
// pdftotext joins a word broken at a hyphen at the end of a line (national-csv): compare without hyphens.
const unhyphened = (text: string) => words(text).replace(/-/g, "");
const pdfText = (file: string) => words(execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }));
const docxText = async (file: string) => (await mammoth.extractRawText({ path: file })).value;

async function report(lang: "fr" | "en") {
  const w = await Warehouse.open(db);
  try {
    return composeNote(await readMonthReport(w, MONTH), lang);
  } finally {
    w.close();
  }
}

describe("imaginecole note --month 2026-10", () => {
  const out = (name: string) => join(dir, name);
  let first: { docx: string; pdf: string };

  beforeAll(() => {
    for (const [name, lang] of [["a", "fr"], ["b", "fr"], ["en", "en"]] as const) {
      const r = cli(["note", "--month", MONTH, "--out", out(name), "--lang", lang, "--config", config, "--db", db]);
      expect(r.code, r.stderr).toBe(0);
    }
    first = { docx: join(out("a"), `imaginecole-note-${MONTH}-fr.docx`), pdf: join(out("a"), `imaginecole-note-${MONTH}-fr.pdf`) };
  }, 180_000);

  it("writes a Word document whose text is the note: summary, a section per country, flags with actions, comments, quality, definitions, citation", async () => {
    const text = await docxText(first.docx);
    for (const expected of [
      "Note mensuelle de la coordination régionale — octobre 2026",
      "Synthèse", "Depuis septembre 2026 :", "Le mot de la coordination",
      "Atelier régional des points focaux à Dakar",
      "Cameroun", "Tchad", "Togo", "Chiffres clés et cibles", "Constats toujours ouverts",
      "Action recommandée : Réunir le comité de validation",
      "« Le comité national de validation ne s'est pas réuni depuis l'été ; une session est programmée. » — Suivi-évaluation",
      "[CM/resources_stuck_in_validation]",
      "Qualité et ponctualité des données", "Plateforme nationale (CSV) : ",
      "Définitions", "Citer cette note", "Note mensuelle de la coordination régionale, octobre 2026.",
    ]) expect(text, expected).toContain(expected);
    // Every line of the note is in the document, word for word.
    const doc = await report("fr");
    for (const block of doc.blocks) {
      if (block.kind === "bullets") for (const item of block.items) expect(text).toContain(item);
      if (block.kind === "heading" || block.kind === "paragraph") expect(text).toContain(block.text);
    }
  });

  it("writes a PDF of the same content, checked as text", async () => {
    const pdf = unhyphened(pdfText(first.pdf));
    const doc = await report("fr");
    expect(pdf).toContain(unhyphened(doc.title));
    for (const block of doc.blocks) {
      if (block.kind === "heading" || block.kind === "paragraph") expect(pdf).toContain(unhyphened(block.text));
      if (block.kind === "bullets") for (const item of block.items) expect(pdf).toContain(unhyphened(item));
    }
  });

  it("is deterministic: the same warehouse and month give the same text, and the same PDF bytes", async () => {
    const second = { docx: join(out("b"), `imaginecole-note-${MONTH}-fr.docx`), pdf: join(out("b"), `imaginecole-note-${MONTH}-fr.pdf`) };
    expect(await docxText(second.docx)).toBe(await docxText(first.docx));
    expect(readFileSync(second.pdf).equals(readFileSync(first.pdf))).toBe(true);
    expect(plainText(await report("fr"))).toBe(plainText(await report("fr")));
  });

  it("writes the English note with --lang en", async () => {
    const text = await docxText(join(out("en"), `imaginecole-note-${MONTH}-en.docx`));
    expect(text).toContain("Regional coordination monthly note — October 2026");
    expect(text).toContain("Recommended action: ");
    expect(pdfText(join(out("en"), `imaginecole-note-${MONTH}-en.pdf`))).toContain("How to cite this note");
  });

  it("refuses a month no build described, naming the months there are", () => {
    const r = cli(["note", "--month", "2025-01", "--out", out("x"), "--config", config, "--db", db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Month 2025-01 has not been described by any build of the indicators (months available: 2026-09, 2026-10)");
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("the country page's data", () => {
  it("carries the month's comments, which the page shows next to the flag or figure they are about", () => {
    const json = execFileSync(process.execPath, ["--import", "tsx", join(ROOT, "dashboards/data/country/[code].json.ts"), "--code", "CM"], {
      cwd: ROOT, encoding: "utf8", env: { ...process.env, IMAGINECOLE_DB: db },
    });
    const data = JSON.parse(json) as { comments: { subject_kind: string; subject_id: string; comment: string; author_role: string }[]; bottlenecks: { flag_id: string }[] };
    expect(data.comments).toContainEqual(expect.objectContaining({
      subject_kind: "rule", subject_id: "resources_stuck_in_validation", author_role: "monitoring_evaluation",
      comment: "Le comité national de validation ne s'est pas réuni depuis l'été ; une session est programmée.",
    }));
    expect(data.comments).toContainEqual(expect.objectContaining({ subject_kind: "flag", subject_id: "CM/resources_stuck_in_validation", author_role: "regional_coordination" }));
    expect(data.bottlenecks.map((b) => b.flag_id)).toContain("CM/resources_stuck_in_validation");
  });
});

describe("imaginecole digest over a real SMTP server on 127.0.0.1", () => {
  const received: ParsedMail[] = [];
  let failing = false;
  let server: SMTPServer;
  let port: number;
  let digestConfig: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (failing) return callback(Object.assign(new Error("Service temporarily unavailable"), { responseCode: 451 }));
          received.push(await simpleParser(Buffer.concat(chunks)));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
    const c = JSON.parse(readFileSync(config, "utf8"));
    c.coordinator.digest.retry = { attempts: 2, delayMs: 50 };
    digestConfig = join(dir, "digest.json");
    writeFileSync(digestConfig, JSON.stringify(c));
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  // Not spawnSync: the SMTP server answers from this very process.
  const digest = (month: string, extra: string[] = []) =>
    cliAsync(["digest", "--month", month, "--config", digestConfig, "--db", db, ...extra], { IMAGINECOLE_SMTP_PORT: String(port) });
  const focalPoints = () => JSON.parse(readFileSync(config, "utf8")).coordinator.digest.focalPoints as Record<string, { lang: string; to: string[] }>;

  it("sends one e-mail per country with focal points, to them, in the country's language, text and HTML", async () => {
    const r = await digest(MONTH);
    expect(r.code, r.stderr).toBe(0);
    const expected = focalPoints();
    expect(received).toHaveLength(Object.keys(expected).length);
    for (const [code, { lang, to }] of Object.entries(expected)) {
      const mail = received.find((m) => m.text?.includes(`/${lang}/pays/${code}`));
      expect(mail, code).toBeDefined();
      const addresses = (Array.isArray(mail!.to) ? mail!.to : [mail!.to]).flatMap((a) => a!.value.map((v) => v.address));
      expect(addresses).toEqual(to);
      expect(mail!.headers.get("content-language")).toBe(lang);
      expect(mail!.subject).toContain(lang === "fr" ? "octobre 2026" : "October 2026");
      expect(mail!.html).toContain(lang === "fr" ? "Situation" : "Standing");
      expect(mail!.text).toContain(lang === "fr" ? "À corriger dans vos feuilles et fichiers" : "To fix in your sheets and files");
      // Short enough for a phone.
      expect(mail!.text!.length).toBeLessThan(4000);
    }
    const cm = received.find((m) => m.text?.includes("/en/pays/CM"))!;
    expect(cm.subject).toMatch(/^ImaginEcole — Cameroon, October 2026: /);
  });

  it("never sends the same digest twice: a rerun sends nothing", async () => {
    const before = received.length;
    const r = await digest(MONTH);
    expect(r.code, r.stderr).toBe(0);
    expect(received).toHaveLength(before);
    expect(r.stdout).toContain(`0 sent, ${before} already sent, 0 failed`);
  });

  it("retries a failing server, says so clearly, and the next run sends what was missed", async () => {
    received.length = 0;
    failing = true;
    const failed = await digest("2026-09");
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("E-mail not sent after several attempts for: BF (SMTP 451");
    expect(failed.stderr).toContain('the next run of "imaginecole digest" will send them');
    expect(failed.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(received).toHaveLength(0);

    failing = false;
    const recovered = await digest("2026-09");
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(received).toHaveLength(Object.keys(focalPoints()).length);
    expect(received.every((m) => /septembre 2026|September 2026/.test(m.subject ?? ""))).toBe(true);

    const w = await Warehouse.open(db);
    try {
      const rows = await w.all<{ status: string; attempts: number; recipients: string }>(
        "SELECT status, attempts, recipients FROM ops.notifications WHERE period = '2026-09-01' ORDER BY country_code");
      expect(rows.map((r) => [r.status, r.attempts])).toEqual(Array(received.length).fill(["sent", 3]));
      // Addresses are kept as keyed hashes only.
      expect(rows.some((r) => r.recipients.includes("@"))).toBe(false);
    } finally {
      w.close();
    }
  });

  it("--dry-run prints the digests and sends nothing", async () => {
    received.length = 0;
    const r = await digest("2026-09", ["--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Subject: ImaginEcole — Cameroon, September 2026");
    expect(r.stdout).toContain("To: point.focal.sn@imaginecole.example.org");
    expect(received).toHaveLength(0);
  });
});

/** Exit codes of the command line (DESIGN.md): 0 loaded, 3 loaded with rejects, 1 batch refused, 2 usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejects: 3 } as const;

/** An error a user can act on, worded in French and English. */
export class ImaginEcoleError extends Error {
  constructor(
    readonly messageFr: string,
    readonly messageEn: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(messageEn);
    this.name = "ImaginEcoleError";
  }

  text(lang: "fr" | "en"): string {
    return lang === "fr" ? this.messageFr : this.messageEn;
  }
}

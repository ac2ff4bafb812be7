import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Bilingual } from "../../core/message.ts";
import { shown } from "./lrs-client.ts";

/** Pages in a row that bring no statement not seen before, after which the listing is stopped as a loop. */
export const STALE_PAGES = 3;

/**
 * Keeps a pull through the LRS's `more` links honest: each next page is on the LRS's own origin
 * (so the credentials never go elsewhere) and is asked for once; pages keep bringing statements
 * not seen before. A listing that loops, or points away, is stopped with an error; what was
 * pulled before it is loaded, so the cursor stays at the last good page.
 */
export class PagingGuard {
  private readonly asked = new Set<string>();
  /** Ids of the statements stored at the latest instant seen. */
  private seen = new Set<string>();
  private latest = -Infinity;
  private stale = 0;

  constructor(private readonly endpoint: URL) {}

  /** Notes a URL asked for (the first page). */
  asking(url: URL): void {
    this.asked.add(url.toString());
  }

  /** The next page from a `more` link, resolved against the LRS's host (xAPI: not its path). Throws if it leaves the LRS or loops. */
  next(more: string): URL {
    let url: URL;
    try {
      url = new URL(more, this.endpoint.origin);
    } catch {
      throw pagingError({
        fr: `le lien « more » de la page n'est pas une adresse (${more.slice(0, 200)})`,
        en: `the page's "more" link is not an address (${more.slice(0, 200)})`,
      });
    }
    if (url.origin !== this.endpoint.origin) {
      throw pagingError({
        fr: `le lien « more » mène à un autre serveur (${url.origin}) que le LRS (${this.endpoint.origin}) ; il n'est pas suivi, et les identifiants du LRS n'y sont pas envoyés`,
        en: `the "more" link leads to another server (${url.origin}) than the LRS (${this.endpoint.origin}); it is not followed, and the LRS's credentials are not sent there`,
      });
    }
    if (this.asked.has(url.toString())) {
      throw pagingError({
        fr: `le LRS renvoie une page déjà demandée (${shown(url)}) : sa pagination tourne en rond`,
        en: `the LRS sends back to a page already asked for (${shown(url)}): its paging goes round in circles`,
      });
    }
    this.asked.add(url.toString());
    return url;
  }

  /**
   * Notes a page's statements; throws once STALE_PAGES pages in a row brought nothing new. The
   * listing is in `stored` order (ascending=true): a statement stored before the latest one seen
   * is one seen again, and of those stored at that very instant, the ids tell.
   */
  page(statements: unknown[]): void {
    let fresh = false;
    for (const s of statements) {
      const { id, stored } = (s ?? {}) as { id?: unknown; stored?: unknown };
      const at = typeof stored === "string" ? Date.parse(stored) : NaN;
      const key = typeof id === "string" ? id.toLowerCase() : JSON.stringify(s);
      if (Number.isNaN(at) || at > this.latest) {
        fresh = true;
        if (at > this.latest) [this.latest, this.seen] = [at, new Set([key])];
      } else if (at === this.latest && !this.seen.has(key)) {
        fresh = true;
        this.seen.add(key);
      }
    }
    this.stale = fresh || statements.length === 0 ? 0 : this.stale + 1;
    if (this.stale >= STALE_PAGES) {
      throw pagingError({
        fr: `${STALE_PAGES} pages de suite n'apportent aucune déclaration nouvelle : la pagination du LRS tourne en rond`,
        en: `${STALE_PAGES} pages in a row bring no new statement: the LRS's paging goes round in circles`,
      });
    }
  }
}

function pagingError(why: Bilingual): ImaginEcoleError {
  return new ImaginEcoleError({
    fr: `Lecture du LRS arrêtée : ${why.fr}. Ce qui a été lu avant est chargé ; la prochaine exécution reprendra là. Signalez-le à l'administrateur du LRS.`,
    en: `LRS pull stopped: ${why.en}. What was read before is loaded; the next run resumes from there. Report it to the LRS's administrator.`,
  }, EXIT.failed);
}

// The HTTP headers the built site is served with, by `imaginecole serve` and by deploy/nginx.conf
// (test/site/nginx.test.ts checks that nginx sends these very values).

/**
 * Only the site itself: scripts, styles, data and images come from the same origin, and no page
 * may be framed. The build moves Framework's inline scripts into files (src/site/html.ts), so no
 * inline script is needed; inline styles are, as charts set their colours in `style` attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

/** A year: a file named by its content's hash never changes. */
export const LONG_CACHE = "max-age=31536000, immutable";
/** Five minutes: pages and data files keep their names from one build to the next. */
export const SHORT_CACHE = "max-age=300";

/**
 * Files named by their content's hash: Framework's folders (`/_observablehq/`, `/_npm/`,
 * `/_node/`, `/_import/`, `/_file/`) and the page scripts the build writes beside each page.
 */
export const HASHED_ASSET = /^\/_(?:observablehq|npm|node|import|file)\/|\.[0-9a-f]{8}\.js$/;

/** The Cache-Control of a request path (a URL path, `/`-separated, with or without .gz/.br). */
export function cacheControl(urlPath: string): string {
  return `public, ${HASHED_ASSET.test(urlPath.replace(/\.(?:gz|br)$/, "")) ? LONG_CACHE : SHORT_CACHE}`;
}

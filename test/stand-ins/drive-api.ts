/**
 * The one Drive API v3 method the pipeline calls, `files.get` (for a spreadsheet's
 * `modifiedTime`), served by the Sheets stand-in under `/drive/v3/files/{fileId}` as Google
 * serves it under the same root: the fields asked for and nothing else, `kind,id,name,mimeType`
 * without `fields`, and Drive's own 404 body (its `errors` list, unlike the Sheets one).
 */
export interface DriveFile {
  id: string;
  name: string;
  /** RFC 3339 with milliseconds, as Drive gives it (`2026-11-30T09:14:03.512Z`). */
  modifiedTime: string;
}

const DEFAULT_FIELDS = ["kind", "id", "name", "mimeType"];

/** The answer to `GET /drive/v3/files/{id}?fields=…`, or null when the path is not a Drive files.get. */
export function driveFilesGet(path: string, query: URLSearchParams, find: (id: string) => DriveFile | undefined): { status: number; body: unknown } | null {
  const m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path);
  if (!m) return null;
  const id = decodeURIComponent(m[1]!);
  const file = find(id);
  if (!file) {
    const message = `File not found: ${id}.`;
    return {
      status: 404,
      body: { error: { code: 404, message, errors: [{ message, domain: "global", reason: "notFound", location: "fileId", locationType: "parameter" }] } },
    };
  }
  const full: Record<string, unknown> = { kind: "drive#file", id: file.id, name: file.name, mimeType: "application/vnd.google-apps.spreadsheet", modifiedTime: file.modifiedTime };
  const fields = query.get("fields")?.split(",").map((f) => f.trim()).filter(Boolean) ?? DEFAULT_FIELDS;
  return { status: 200, body: Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])) };
}

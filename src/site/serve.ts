// Serves the built dashboard (dist/) on 127.0.0.1 with Framework's clean URLs: /fr/pays/BF is
// fr/pays/BF.html, /fr/ is fr/index.html, and a folder without its slash is redirected to it.
// Sends the build's precompressed copy (.br, else .gz) to a client that accepts it, with the same
// cache and security headers as deploy/nginx.conf.
import { closeSync, createReadStream, existsSync, fstatSync, openSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { cacheControl, SECURITY_HEADERS } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".parquet": "application/vnd.apache.parquet",
  ".txt": "text/plain; charset=utf-8",
};

/** The Content-Type of a site file, by its extension. */
export function contentType(file: string): string {
  return TYPES[extname(file)] ?? "application/octet-stream";
}

/** What a request path maps to: a file to send, a redirect, or nothing. Pure apart from stat. */
export function resolveRequest(dir: string, urlPath: string): { file: string } | { redirect: string } | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0] ?? "/");
  } catch {
    return null;
  }
  const target = resolve(dir, `.${path}`);
  if (target !== dir && !target.startsWith(dir + sep)) return null;
  const isFile = (p: string) => servable(dir, p);
  if (path.endsWith("/")) return isFile(join(target, "index.html")) ? { file: join(target, "index.html") } : null;
  if (isFile(target)) return { file: target };
  if (isFile(`${target}.html`)) return { file: `${target}.html` };
  if (isFile(join(target, "index.html"))) return { redirect: `${path}/` };
  return null;
}

/**
 * Whether `path` is a regular file that really lies inside the site `dir`: a symbolic link is
 * followed only when it ends inside the site (the site folder itself may be one, as `publish`
 * makes it), so no link placed in dist/ serves a file from elsewhere on the machine.
 */
export function servable(dir: string, path: string): boolean {
  try {
    const root = realpathSync(dir);
    const real = realpathSync(path);
    return real.startsWith(root + sep) && statSync(real).isFile();
  } catch {
    return false;
  }
}

/** The encodings a client accepts (`Accept-Encoding`), without those it refuses with q=0. */
export function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

/** The file to send for a client's encodings: the .br or .gz copy when there is one, else the file. */
export function pickEncoding(root: string, file: string, request: IncomingMessage): { path: string; encoding?: "br" | "gzip" } {
  const accepted = acceptedEncodings(request.headers["accept-encoding"]);
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]] as const) {
    if ((accepted.has(encoding) || accepted.has("*")) && servable(root, file + suffix)) return { path: file + suffix, encoding };
  }
  return { path: file };
}

export async function serveDist(dir: string, port = 0): Promise<{ url: string; close: () => Promise<void> }> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const found = resolveRequest(root, request.url ?? "/");
    if (found && "redirect" in found) {
      response.writeHead(301, { ...SECURITY_HEADERS, location: found.redirect }).end();
    } else if (found) {
      const { path, encoding } = pickEncoding(root, found.file, request);
      // Opened once: the size and the bytes come from the same file even if `imaginecole
      // publish` swaps the site in between.
      const fd = openSync(path, "r");
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        "content-type": contentType(found.file),
        "content-length": fstatSync(fd).size,
        "cache-control": cacheControl(`/${relative(root, found.file).split(sep).join("/")}`),
        vary: "Accept-Encoding",
        ...(encoding ? { "content-encoding": encoding } : {}),
      });
      if (request.method === "HEAD") {
        closeSync(fd);
        response.end();
      } else createReadStream(path, { fd }).pipe(response);
    } else {
      const notFound = join(root, "404.html");
      response.writeHead(404, { ...SECURITY_HEADERS, "content-type": "text/html; charset=utf-8" });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end("<!doctype html><title>404</title><p>Page introuvable / Page not found</p>");
    }
  });
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ok());
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}/`,
    close: () => new Promise((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? resolve(fileURLToPath(import.meta.url), "../../../dist");
  if (!existsSync(join(dir, "index.html"))) {
    process.stderr.write(`Aucun site construit dans ${dir} : lancez « npm run build ». / No built site in ${dir}: run "npm run build".\n`);
    process.exit(2);
  }
  const { url } = await serveDist(dir, Number(process.env.PORT ?? 3000));
  process.stdout.write(`${url}fr/\n`);
}

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { EXIT, ImaginEcoleError } from "../../core/errors.ts";
import type { Lang } from "../../core/lang.ts";
import { serveDist } from "../../site/serve.ts";
import { ROOT } from "../context.ts";
import { say } from "../../core/message.ts";

export async function serveCommand(lang: Lang, o: { dir: string; port: string }): Promise<void> {
  const dir = resolve(ROOT, o.dir);
  if (!existsSync(resolve(dir, "index.html"))) {
    throw new ImaginEcoleError({
      fr: `Aucun tableau de bord construit dans ${dir} : lancez d'abord \`npm run build\`.`,
      en: `No built dashboard in ${dir}: run \`npm run build\` first.`,
    }, EXIT.usage);
  }
  const { url } = await serveDist(dir, Number(o.port));
  process.stdout.write(`${say(lang, { fr: `Tableau de bord : ${url}`, en: `Dashboard: ${url}` })}\n`);
}

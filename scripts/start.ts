// `npm start`: the demo from nothing to a served dashboard. Rejected demo rows (exit 3) are expected.
import { spawnSync } from "node:child_process";

function step(command: string, args: string[], accept: number[] = [0]): void {
  const r = spawnSync(command, args, { stdio: "inherit" });
  if (!accept.includes(r.status ?? -1)) process.exit(r.status ?? 1);
}

const cli = ["bin/imaginecole.js"];
step(process.execPath, [...cli, "run"], [0, 3]);
step("npm", ["run", "build"]);
step(process.execPath, [...cli, "serve", ...process.argv.slice(2)]);

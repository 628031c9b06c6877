// Shared by the events and proxy tests: child processes that run a script against dist/
// (refusing a dist/ older than the modules under test).
import * as fs from "node:fs"
import * as path from "node:path"
import {root, run, type Run} from "../helpers"

function checkBuilt(modules: string[]): void {
  for (const name of modules) {
    const source = path.join(root, "lib", `${name}.ts`)
    const built = path.join(root, "dist", `${name}.js`)
    if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs) {
      throw new Error(
        `dist/${name}.js is missing or older than lib/${name}.ts: run \`npm run build:ts\` first`,
      )
    }
  }
}

/**
 * Runs `script` in a new Node process (with gc() exposed) with `zmq` bound to dist/; kills it after `limitMs`
 * (the result then shows signal SIGKILL).
 */
export function runChild(script: string, limitMs = 20000): Promise<Run> {
  checkBuilt(["events", "proxy", "socket", "index"])
  const prelude = `const zmq = require(${JSON.stringify(path.join(root, "dist"))});\n`
  return run(process.execPath, ["--expose-gc", "-e", prelude + script], {
    timeout: limitMs,
    killSignal: "SIGKILL",
  })
}

// The packaging tests check dist/ as users get it, so they refuse a dist/ older than lib/.
import * as fs from "node:fs"
import * as path from "node:path"

export const root = path.resolve(__dirname, "..", "..")

/** Throws, naming the command to run, when dist/ lacks a compiled lib/ module or predates it. */
export function checkBuilt(): void {
  const lib = path.join(root, "lib")
  const stale = fs
    .readdirSync(lib, {recursive: true})
    .map(String)
    .filter(file => file.endsWith(".ts"))
    .filter(file => {
      const built = path.join(root, "dist", file.replace(/\.ts$/, ".d.ts"))
      return !fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(path.join(lib, file)).mtimeMs
    })
  if (stale.length > 0) {
    throw new Error(
      `dist/ is missing or older than lib/${stale.join(", lib/")}: run \`npm run build:ts\` first`,
    )
  }
}

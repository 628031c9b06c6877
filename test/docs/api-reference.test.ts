// `npm run docs` builds the API reference with no TypeDoc warning at all, and every exported
// symbol and member (inherited and mixed-in ones included) has a doc comment: the build fails
// on the first one that lacks it (scripts/build-api-docs.mjs, TypeDoc's notDocumented check).
// Every entry point of package.json's exports is in the reference, each its own module page.
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {root} from "./snippets"

let out: string

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "zmq-native-api-"))
})

afterAll(() => {
  if (out) fs.rmSync(out, {recursive: true, force: true})
})

it("builds with no warning, every public symbol documented", () => {
  const result = spawnSync(process.execPath, ["scripts/build-api-docs.mjs", "--out", out, "--json"], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, NO_COLOR: "1", FORCE_COLOR: "0"},
    timeout: 600_000,
  })
  const lines = result.stdout.trim().split("\n")
  const figures = JSON.parse(lines[lines.length - 1])
  const warnings = result.stdout
    .split("\n")
    .filter(line => /\[(warning|error)\]/.test(line))
    .slice(0, 50)
  expect({
    errors: figures.errors,
    warnings: figures.warnings,
    missing: figures.missing,
    shown: warnings,
  }).toEqual({
    errors: 0,
    warnings: 0,
    missing: [],
    shown: [],
  })
  expect(figures.total).toBeGreaterThan(1000)
  expect(result.status).toBe(0)
  expect(fs.existsSync(path.join(out, "index.html"))).toBe(true)
  for (const page of [
    "classes/index.Dealer.html",
    "functions/index.sendJson.html",
    "classes/draft.Radio.html",
    "modules/v5-compat.html",
    "classes/v5-compat.Socket.html",
    "functions/v5-compat.createSocket.html",
    "variables/v5-compat.ZMQ_LINGER.html",
  ]) {
    expect([page, fs.existsSync(path.join(out, page))]).toEqual([page, true])
  }
}, 600_000)

it("documents every entry point package.json exports", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
  const typedoc = JSON.parse(fs.readFileSync(path.join(root, "typedoc.json"), "utf8"))
  const exported = Object.values(pkg.exports as Record<string, string | {default: string}>)
    .map(target => (typeof target === "string" ? target : target.default))
    .filter(target => target.startsWith("./dist/"))
    .map(target => target.replace(/^\.\/dist\/(.*)\.js$/, "lib/$1.ts"))
  expect([...typedoc.entryPoints].sort()).toEqual(exported.sort())
})

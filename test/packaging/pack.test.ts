// `npm pack` ships what CommonJS, ES module and TypeScript users load: every file the
// "exports" and "typesVersions" maps point at, and every compiled lib/ module with its
// declarations (the entry points import the rest).
import {execFileSync} from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"
import {checkBuilt, root} from "./built"

const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))

// Every string in an exports/typesVersions value, however nested in conditions.
function targets(value: unknown): string[] {
  if (typeof value === "string") return [value]
  if (Array.isArray(value)) return value.flatMap(targets)
  if (value && typeof value === "object") return Object.values(value).flatMap(targets)
  return []
}

let packed: string[]

beforeAll(() => {
  checkBuilt()
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], {
    cwd: root,
    encoding: "utf8",
    env: {...process.env, npm_config_loglevel: "error"},
    shell: process.platform === "win32",
  })
  packed = JSON.parse(output)[0].files.map((file: {path: string}) => file.path)
}, 30_000)

it("ships every file the exports and typesVersions maps name", () => {
  const named = [
    ...targets(manifest.exports),
    ...targets(manifest.typesVersions),
    manifest.main,
    manifest.types,
  ].map(file => path.posix.normalize(file))
  expect(named).toEqual(
    expect.arrayContaining(["dist/index.js", "dist/index.d.ts", "dist/draft.js", "dist/draft.d.ts"]),
  )
  expect(named.filter(file => !packed.includes(file))).toEqual([])
})

it("ships every lib/ module compiled, with its declarations", () => {
  const modules = (fs.readdirSync(path.join(root, "lib"), {recursive: true}) as string[])
    .filter(file => file.endsWith(".ts"))
    .map(file => file.split(path.sep).join("/"))
  const needed = modules.flatMap(file => [
    `dist/${file.replace(/\.ts$/, ".js")}`,
    `dist/${file.replace(/\.ts$/, ".d.ts")}`,
  ])
  expect(needed.filter(file => !packed.includes(file))).toEqual([])
})

// The source build of an installed package (scripts/install.js when no prebuild loads) runs the
// shipped scripts: a module one of them requires that "files" leaves out fails only there.
it("ships every local module a shipped script requires", () => {
  const scripts = packed.filter(file => file.startsWith("scripts/") && file.endsWith(".js"))
  expect(scripts).toEqual(expect.arrayContaining(["scripts/install.js", "scripts/copy-notices.js"]))
  const missing = scripts.flatMap(file => {
    const source = fs.readFileSync(path.join(root, file), "utf8")
    const required = [...source.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map(match =>
      path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])),
    )
    return required.filter(module => !packed.includes(module)).map(module => `${file} → ${module}`)
  })
  expect(missing).toEqual([])
})

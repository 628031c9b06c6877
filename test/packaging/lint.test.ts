// The packed tarball, as the registry would get it, passes the two package linters users and
// tools trust with no finding at all: publint (manifest, exports, files) and
// @arethetypeswrong/cli (the types resolve and match the JavaScript under node10, Node16 from
// CommonJS and from ES modules, and bundlers). Its source maps carry their sources, since
// lib/ is not shipped.
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {checkBuilt, root} from "./built"

const bin = (name: string) => path.join(root, "node_modules", ".bin", name)

function run(command: string, args: string[], cwd = root) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: {...process.env, npm_config_loglevel: "error", NO_COLOR: "1", FORCE_COLOR: "0"},
    shell: process.platform === "win32",
    timeout: 120_000,
  })
  return {status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}`}
}

let scratch: string
let tarball: string

beforeAll(() => {
  checkBuilt()
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmq-native-lint-"))
  const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch])
  expect(packed.status).toBe(0)
  tarball = path.join(scratch, JSON.parse(packed.output.slice(packed.output.indexOf("[")))[0].filename)
}, 120_000)

afterAll(() => {
  if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
})

it("publint finds nothing, suggestions included", () => {
  const result = run(bin("publint"), ["run", tarball, "--level", "suggestion", "--strict"])
  expect({status: result.status, allGood: result.output.includes("All good!")}).toEqual({
    status: 0,
    allGood: true,
  })
}, 120_000)

it("@arethetypeswrong/cli finds no problem in any entry point under any resolution", () => {
  const result = run(bin("attw"), ["--format", "json", tarball])
  const report = JSON.parse(result.output.slice(result.output.indexOf("{")))
  const entryPoints = Object.keys(report.analysis.entrypoints)
  expect(entryPoints).toEqual(expect.arrayContaining([".", "./draft", "./v5-compat"]))
  expect(report.analysis.problems).toEqual([])
  expect(Object.values(report.problems).flat()).toEqual([])
  expect(result.status).toBe(0)
}, 120_000)

it("every shipped source map holds the sources it maps", () => {
  const unpacked = path.join(scratch, "unpacked")
  fs.mkdirSync(unpacked)
  expect(run("tar", ["-xzf", tarball, "-C", unpacked]).status).toBe(0)
  const dist = path.join(unpacked, "package", "dist")
  const maps = fs.readdirSync(dist, {recursive: true, encoding: "utf8"}).filter(file => file.endsWith(".map"))
  expect(maps.length).toBeGreaterThan(0)
  const incomplete = maps.filter(file => {
    const map = JSON.parse(fs.readFileSync(path.join(dist, file), "utf8"))
    const contents: unknown[] = map.sourcesContent ?? []
    return (
      map.sources.length === 0 ||
      contents.length !== map.sources.length ||
      contents.some(text => typeof text !== "string" || text.length === 0)
    )
  })
  expect(incomplete).toEqual([])
})

// Formatting and lint are checked with the tests, not argued in review: prettier and eslint
// (no floating promises) for TypeScript and scripts, clang-format for the native layer.
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"

const root = path.resolve(__dirname, "../..")
const bin = (name: string) => path.join(root, "node_modules", ".bin", name)

function check(command: string, args: string[]) {
  const result = spawnSync(command, args, {cwd: root, encoding: "utf8", timeout: 240_000})
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.trim()
  return {status: result.status, output: result.status === 0 ? "" : output.slice(-4000)}
}

// The native layer's sources, relative to the root.
function nativeSources(): string[] {
  return ["native", path.join("native", "util")].flatMap(dir =>
    fs
      .readdirSync(path.join(root, dir))
      .filter(name => /\.(cc|h)$/.test(name))
      .map(name => path.join(dir, name)),
  )
}

describe("house style", () => {
  it("TypeScript and scripts are formatted (npm run format fixes it)", () => {
    expect(
      check(bin("prettier"), [
        "--check",
        "lib",
        "test",
        "examples",
        "bench",
        "scripts/*.js",
        "scripts/lib/*.js",
      ]),
    ).toEqual({
      status: 0,
      output: "",
    })
  })

  it("eslint finds no errors, floating promises above all", () => {
    expect(check(bin("eslint"), ["--max-warnings", "0", "lib", "test", "examples"])).toEqual({
      status: 0,
      output: "",
    })
  }, 240_000)

  it("the native layer is clang-formatted", () => {
    expect(check("clang-format", ["--dry-run", "--Werror", ...nativeSources()])).toEqual({
      status: 0,
      output: "",
    })
  })

  // native/errors.h says why: a Promise::Deferred whose promise could not be made (in a
  // terminating worker) hands JS an unset handle, which crashed the process.
  it("the native layer makes its promises with NewPromise, never node-addon-api's Promise::Deferred", () => {
    const code = (file: string) => fs.readFileSync(path.join(root, file), "utf8").replace(/\/\/.*$/gm, "")
    expect(nativeSources().filter(file => /Promise::Deferred/.test(code(file)))).toEqual([])
  })
})

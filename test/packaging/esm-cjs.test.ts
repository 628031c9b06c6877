// zmq-native, zmq-native/draft and zmq-native/v5-compat load from ES modules (named imports) and from CommonJS,
// resolved by package name through package.json "exports", and both give the same objects:
// the ES entry is the CommonJS module itself, so there is one copy of every class.
import {spawnSync} from "node:child_process"
import * as path from "node:path"
import {checkBuilt, root} from "./built"

beforeAll(checkBuilt)

// What fixtures/report.cjs prints.
interface Entry {
  names: string[]
  missing: string[]
  different: string[]
  defaultIsExports: boolean
}
type Report = {message: string[]; v5message: string[]} & Record<"." | "./draft" | "./v5-compat", Entry>

describe.each([
  ["an ES module", "esm.mjs"],
  ["a CommonJS module", "cjs.cjs"],
])("loaded from %s", (_name, fixture) => {
  let result: Report

  beforeAll(() => {
    // From inside the repository "zmq-native" resolves to the package itself (self-reference).
    const run = spawnSync(process.execPath, [path.join(__dirname, "fixtures", fixture)], {
      cwd: root,
      encoding: "utf8",
      timeout: 30_000,
    })
    if (run.status !== 0)
      throw new Error(`${fixture} exited with ${run.status ?? run.signal}:\n${run.stderr}`)
    expect(run.stderr).toBe("")
    result = JSON.parse(run.stdout)
  })

  it("sends and receives a multipart message PUSH → PULL", () => {
    expect(result.message).toEqual(["hello", "world"])
  })

  it("sends and receives a multipart message with the v5 API", () => {
    expect(result.v5message).toEqual(["hello", "v5"])
  })

  it.each([
    [".", ["Push", "Pull", "version", "capability", "context", "Context", "Socket"]],
    ["./draft", ["Server", "Client", "Radio", "Dish"]],
    ["./v5-compat", ["socket", "createSocket", "Socket", "proxy", "Context", "ZMQ_SNDMORE", "ZMQ_PUSH"]],
  ] as const)("%s: every CommonJS export is an ES named export, the same object", (entry, expected) => {
    const {names, missing, different, defaultIsExports} = result[entry]
    expect(names).toEqual(expect.arrayContaining(expected))
    expect(missing).toEqual([])
    expect(different).toEqual([])
    expect(defaultIsExports).toBe(true)
  })
})

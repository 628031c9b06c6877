// Rows run in a child process where a package may crash the process (the child must then die,
// by a signal or an uncaught error, for the row to hold) or may leave behind what would disturb
// the rows after it (zeromq v6's listener mode rejects promises nobody handles). The scenario's
// compiled source is sent along — such scenarios use only their parameters and the row's
// `closure` — and the child
// runs it with this same harness (transpiled once), printing the result as JSON.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as ts from "typescript"
import {run} from "../../helpers"
import {decode, type Result, type Scenario} from "./harness"

let harnessFile: string | undefined

function compiledHarness(): string {
  if (harnessFile === undefined) {
    const source = fs.readFileSync(path.join(__dirname, "harness.ts"), "utf8")
    const {outputText} = ts.transpileModule(source, {
      compilerOptions: {module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022},
    })
    harnessFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "conformance-")), "harness.js")
    fs.writeFileSync(harnessFile, outputText)
  }
  return harnessFile
}

/** Runs a scenario against the package at `path` ("zeromq", or our dist/) in a child process. */
export async function runInChild(
  scenario: Scenario,
  limitMs: number,
  path: string,
  closure: Record<string, unknown> = {},
): Promise<Result> {
  const bindings = Object.entries(closure).map(
    ([name, value]) => `const ${name} = ${JSON.stringify(value)}\n`,
  )
  const script = `${bindings.join("")}
const {runScenario, encode} = require(${JSON.stringify(compiledHarness())})
const path = ${JSON.stringify(path)}
const zmq = {...require(path), draft: require(path + "/draft"), path}
runScenario(zmq, ${scenario.toString()}, ${limitMs}).then(async result => {
  console.log(encode(result))
  // What goes wrong after a scenario (an unhandled rejection, a crash at exit) comes later.
  await new Promise(resolve => setTimeout(resolve, 300))
})
`
  const child = await run(process.execPath, ["-e", script], {timeout: limitMs + 10000, killSignal: "SIGKILL"})
  const printed = child.stdout
    .split("\n")
    .reverse()
    .find(line => line.startsWith("{"))
  // A child that died before finishing the scenario has no outcome: "pending" stands for it.
  const result: Result = printed ? decode(printed) : {outcome: {pending: true}, warnings: []}
  if (child.signal !== null || child.status !== 0) result.crashed = child.signal ?? `exit ${child.status}`
  return result
}

// Worker threads that use the package, ended in every way, hundreds of times, in child
// processes so that a crash fails the test with its signal. Most cases keep the main thread
// away from the package: then each worker's end is the addon's last environment going away
// (Node unloads an addon then; see native/pin.h).
import * as path from "node:path"
import {run, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "worker-lifecycle.js")

// Far beyond a loaded 2-core machine's ~0.2 s per worker start and end: a hang, not slowness.
const limitMs = 120000

const cases: [mode: string, rounds: number, mainLoads: boolean][] = [
  ["load", 20, false],
  ["exit-open", 20, false],
  ["terminate-idle", 30, false],
  ["terminate-receive", 30, false],
  ["terminate-send", 30, false],
  ["terminate-flood", 100, false],
  ["terminate-proxy", 40, false],
  // Terminating during a flood also reaches native calls (the iterator reads `closed`) while
  // the environment shuts down, whoever else has the addon loaded.
  ["terminate-flood", 60, true],
]

describe("worker lifecycle", () => {
  beforeAll(() => {
    require.resolve("../../dist")
  })

  it.each(cases)("%s, %i rounds (main thread loads the package: %s)", async (mode, rounds, mainLoads) => {
    const args = [fixture, mode, String(rounds), ...(mainLoads ? ["main-loads"] : [])]
    const result = await run(process.execPath, args, {timeout: limitMs, killSignal: "SIGKILL"})
    expect({status: result.status, signal: result.signal, stdout: result.stdout.trim()}).toEqual({
      status: 0,
      signal: null,
      stdout: `${mode} ${rounds} ended`,
    })
    expect(result.stderr).toBe("")
    if (result.status !== 0) throw new Error(transcript(result))
  })
})

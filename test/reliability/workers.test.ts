// Worker threads that use the package, ended in every way, hundreds of times, in child
// processes so that a crash fails the test with its signal. Most cases keep the main thread
// away from the package: then each worker's end is the addon's last environment going away
// (Node unloads an addon then; see native/pin.h).
import * as path from "node:path"
import {run, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "worker-lifecycle.js")

// A hang detector, not a speed limit: the fixture prints a line as each worker ends, and is
// killed when a round takes this long. A round takes ~0.1 s on an idle 2-core machine and
// ~0.6 s at load 30 (where 100 rounds took 57-60 s and failed a whole-run limit of 60 s).
const roundLimitMs = 30000
// jest's own limit only bounds the sum (the file watchdog, test/watchdog.js, bounds the file).
const jestLimitMs = 600000

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

  it.each(cases)(
    "%s, %i rounds (main thread loads the package: %s)",
    async (mode, rounds, mainLoads) => {
      const args = [fixture, mode, String(rounds), ...(mainLoads ? ["main-loads"] : [])]
      const result = await run(process.execPath, args, {quietTimeout: roundLimitMs, killSignal: "SIGKILL"})
      if (result.status !== 0) throw new Error(transcript(result))
      const lines = result.stdout.trim().split("\n")
      expect({
        status: result.status,
        signal: result.signal,
        stalled: result.stalled,
        last: lines.at(-1),
      }).toEqual({
        status: 0,
        signal: null,
        stalled: false,
        last: `${mode} ${rounds} ended`,
      })
      expect(lines.slice(0, -1)).toEqual(Array.from({length: rounds}, (_, n) => `round ${n}`))
      expect(result.stderr).toBe("")
    },
    jestLimitMs,
  )
})

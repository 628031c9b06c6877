// The public API fuzzed with fast-check (test/reliability/fixtures/fuzz.js): two deterministic
// seeds of 20000 scenarios each, in child processes (a crash fails with its signal), each in a
// network namespace of its own with only loopback (arbitrary endpoints must not reach a network)
// and a scratch directory (ipc endpoints make files). Pass: every scenario ran, nothing crashed
// or hung, every error was a TypeError, a RangeError or an Error with a string `code`, and every
// descriptor the scenarios opened was closed again. Counterexamples it found are regression
// tests of their own (lent-frames, thread-start, edge-cases, transport-trial).
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {run, slowdown, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "fuzz.js")
const runs = 20000

describe("API fuzzing", () => {
  beforeAll(() => {
    if (process.getuid?.() !== 0)
      throw new Error("the fuzz test needs root: it runs in a network namespace of its own")
  })

  it.concurrent.each([1, 2])(
    `seed %i: ${runs} scenarios without a crash, a hang or an uncoded error`,
    async seed => {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-fuzz-"))
      try {
        const command = `ip link set lo up && exec "${process.execPath}" --expose-gc "${fixture}" ${seed} ${runs}`
        const result = await run("unshare", ["--net", "sh", "-c", command], {
          cwd: scratch,
          env: {...process.env, TMPDIR: scratch},
          timeout: 240000,
          killSignal: "SIGKILL",
        })
        if (result.status !== 0) throw new Error(transcript(result))
        const calls = Number(/^(\d+) calls$/m.exec(result.stdout)?.[1])
        // (OpenPGM prints warnings about loopback to stdout: only the report is shown.)
        const report = result.stdout
          .split("\n")
          .filter(line => /^(descriptors|outcomes|\d+ calls)/.test(line))
        process.stdout.write(`fuzz seed ${seed} (${result.seconds} s): ${report.join("; ")}\n`)
        expect(calls).toBeGreaterThan(runs)
        // Nothing left open: every descriptor is back once the objects are closed, but for the
        // epoll instance libnorm leaves behind for each NormInstance (two per norm endpoint at
        // most: the transport trial's and the engine's; see the fixture).
        const [, start, end, epollStart, epollEnd, norm] =
          /^descriptors (\d+) at start, (\d+) at end; epoll instances (\d+) at start, (\d+) at end; (\d+) norm endpoints$/m
            .exec(result.stdout)!
            .map(Number)
        expect(end).toBe(start)
        expect(epollEnd - epollStart).toBeLessThanOrEqual(2 * norm)
      } finally {
        fs.rmSync(scratch, {recursive: true, force: true})
      }
    },
    300000 * slowdown,
  )
})

// libzmq reports a signal that interrupts its mailbox read as EINTR, from non-blocking sends,
// receives, ZMQ_EVENTS reads, bind, connect, unbind and disconnect alike, before it did anything
// (native/interrupted.h). A plain send under `node --cpu-prof` threw "Interrupted system call"
// (found by v5 (14)); then bind and unbind did, in 2 of 4 runs of this fixture. Now none may.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {run, slowdown, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "signals.js")

describe("signals", () => {
  it(
    "a SIGPROF every 5 µs: 50 000 sends and receives, 1 000 binds, connects and their undoing, no EINTR",
    async () => {
      const profiles = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-signals-"))
      try {
        const args = ["--cpu-prof", "--cpu-prof-interval", "5", "--cpu-prof-dir", profiles, fixture, "50000"]
        const result = await run(process.execPath, args, {timeout: 120000, killSignal: "SIGKILL"})
        if (result.status !== 0) throw new Error(transcript(result))
        expect(result.stdout.trim()).toBe("50000 messages, 1000 endpoint changes")
      } finally {
        fs.rmSync(profiles, {recursive: true, force: true})
      }
    },
    150000 * slowdown,
  )
})

// What the system refuses to a context's I/O threads — thread scheduling options, descriptors,
// threads — made libzmq assert, aborting the process, as its first socket started them (zeromq@6
// too). Now that socket fails with a coded error instead. Run as root (who may make real-time
// threads) and as nobody (who may not), with few descriptors and processes allowed; in child
// processes, which an abort ends.
import * as path from "node:path"
import {run, transcript} from "../helpers"

const fixture = path.join(__dirname, "fixtures", "thread-start.js")

async function outcomes(command: string[]): Promise<Record<string, string>> {
  const result = await run(command[0], [...command.slice(1), fixture], {
    timeout: 60000,
    killSignal: "SIGKILL",
  })
  if (result.status !== 0 || result.stderr !== "") throw new Error(transcript(result))
  const lines = result.stdout.trim().split("\n")
  expect(lines.pop()).toBe("survived")
  return Object.fromEntries(lines.map(line => line.split(" => ", 2)))
}

const refused = (code: string, what: string) =>
  expect.stringMatching(
    new RegExp(`^${code}: The context's I/O threads cannot start, the system refuses ${what} \\(`),
  )
const scheduling = "thread scheduling options"
const tooMany = expect.stringMatching(
  /^RangeError: The "maxSockets" argument must be at most \d+ \(maxSocketsLimit\)/,
)
const limits = ["prlimit", "--nofile=256:256", "--nproc=64:64"]

describe("starting a context's threads", () => {
  beforeAll(() => {
    if (process.getuid?.() !== 0)
      throw new Error("these tests need root: they compare a privileged and an unprivileged run")
  })

  it("as root: impossible combinations are EINVAL, too many threads for the descriptors EMFILE", async () => {
    // (Root is not held to the process limit.)
    expect(await outcomes([...limits, process.execPath])).toEqual({
      "default context, FIFO without a priority": refused("EINVAL", scheduling),
      "FIFO without a priority": refused("EINVAL", scheduling),
      "an unknown policy": refused("EINVAL", scheduling),
      "FIFO priority 50": "ok",
      "a priority with the default policy": "ok",
      "more I/O threads than descriptors": refused("EMFILE", "descriptors"),
      "fewer I/O threads afterwards": "ok",
      "more I/O threads than the process may have": "ok",
      "maxSockets beyond maxSocketsLimit": tooMany,
      "FIFO after the threads started": "ok",
    })
  })

  it("unprivileged: what needs the privilege is EPERM, threads beyond the process limit EAGAIN", async () => {
    const nobody = [
      ...limits,
      "setpriv",
      "--reuid=65534",
      "--regid=65534",
      "--clear-groups",
      process.execPath,
    ]
    expect(await outcomes(nobody)).toEqual({
      "default context, FIFO without a priority": refused("EINVAL", scheduling),
      "FIFO without a priority": refused("EINVAL", scheduling),
      "an unknown policy": refused("EINVAL", scheduling),
      "FIFO priority 50": refused("EPERM", scheduling),
      "a priority with the default policy": refused("EPERM", scheduling),
      "more I/O threads than descriptors": refused("EMFILE", "descriptors"),
      "fewer I/O threads afterwards": "ok",
      "more I/O threads than the process may have": refused("EAGAIN", "threads"),
      "maxSockets beyond maxSocketsLimit": tooMany,
      "FIFO after the threads started": "ok",
    })
  })
})

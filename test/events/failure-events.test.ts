// The failure events that need a process in a particular state: accept:error (no descriptor
// left to accept a connection with) and close:error (an ipc socket file removed under a
// listener). Each runs in a child process; which events cannot be provoked is in docs/events.md.
import {spawn} from "node:child_process"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as path from "node:path"
import {portOf, root, run, transcript} from "../helpers"

const fixture = (name: string) => path.join(__dirname, "fixtures", name)

/**
 * Runs the accept-error fixture under `ulimit -n limit` and connects to the endpoint it prints;
 * resolves with its stdout lines, rejects with its transcript when it fails or outlives `limitMs`.
 */
function provokeAcceptError(limit: number, limitMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const script = `ulimit -n ${limit} && exec "$0" "$1"`
    const child = spawn("bash", ["-c", script, process.execPath, fixture("accept-error.js")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: limitMs,
      killSignal: "SIGKILL",
    })
    let stdout = ""
    let stderr = ""
    let peer: net.Socket | undefined
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
      if (peer !== undefined || !stdout.includes("\n")) return
      const {endpoint} = JSON.parse(stdout.slice(0, stdout.indexOf("\n"))) as {endpoint: string}
      // A raw TCP peer is enough: the failure is in accept(), before any ZMTP.
      peer = net.connect(portOf(endpoint), "127.0.0.1")
      peer.on("error", () => undefined)
    })
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk))
    child.on("error", reject)
    child.on("close", (status, signal) => {
      peer?.destroy()
      const result = {status, signal, stdout, stderr, seconds: (Date.now() - started) / 1000}
      if (status === 0) resolve(stdout.trim().split("\n"))
      else reject(new Error(transcript(result)))
    })
  })
}

describe("failure events", () => {
  beforeAll(() => {
    // The fixtures load the compiled package.
    require.resolve("../../dist")
  })

  it("accept:error with EMFILE when no descriptor is left; the connection is accepted once one is", async () => {
    const [first, second] = await provokeAcceptError(100, 8000)
    const {endpoint, fillers} = JSON.parse(first) as {endpoint: string; fillers: number}
    // Node itself must have left room for files to fill, or the limit proves nothing.
    expect(fillers).toBeGreaterThan(0)
    expect(JSON.parse(second)).toEqual({
      failure: {
        type: "accept:error",
        address: endpoint,
        // zeromq v6's error; the address is the event's, not the error's (as in v6).
        error: {code: "EMFILE", errno: os.constants.errno.EMFILE, message: "Too many open file descriptors"},
      },
      success: {type: "accept", address: endpoint},
    })
  })

  it("close:error with ENOENT when unbinding a wildcard ipc endpoint whose socket file is gone", async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-close-error-"))
    try {
      const result = await run(process.execPath, [fixture("close-error.js")], {
        env: {...process.env, TMPDIR: tmp},
        timeout: 8000,
        killSignal: "SIGKILL",
      })
      expect({status: result.status, stderr: result.stderr}).toEqual({status: 0, stderr: ""})
      const {endpoint, failure} = JSON.parse(result.stdout) as {endpoint: string; failure: object}
      expect(endpoint.startsWith(`ipc://${tmp}/`)).toBe(true)
      expect(failure).toEqual({
        type: "close:error",
        address: endpoint,
        error: {code: "ENOENT", errno: os.constants.errno.ENOENT, message: "No such endpoint"},
      })
    } finally {
      fs.rmSync(tmp, {recursive: true, force: true})
    }
  })
})

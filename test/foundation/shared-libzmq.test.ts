// The node-gyp build against the system libzmq (ZMQ_SHARED=1 / `npm install --zmq-shared`),
// built for real: the files a source build reads are copied into a scratch folder (node_modules
// linked, not copied), `scripts/install.js --build-from-source` runs there, and a child process
// loads the addon it produced. Debian's libzmq (libzmq3-dev) has no draft API, so the build
// defines ZMQ_NATIVE_NO_DRAFT and the draft-only methods must fail with ENOTSUP.
//
// The compile is the slow part (about 10 s here, up to a minute on a loaded 2-core machine);
// it runs once, in beforeAll.
import {execFileSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import * as zmq from "../../lib/generated/zmq"
import {root, run, transcript, type Run} from "../helpers"

// What `scripts/install.js --build-from-source` reads: binding.gyp and its helpers in scripts/,
// native/ (sources and exports.map), package.json, and THIRD_PARTY_NOTICES.md (copy-notices.js).
// CMakeLists.txt and cmake/ belong to the vendored path; copied so the folder is a whole source tree.
const sourceFiles = [
  "package.json",
  "binding.gyp",
  "native",
  "scripts",
  "CMakeLists.txt",
  "cmake",
  "THIRD_PARTY_NOTICES.md",
]

const buildSeconds = 240

// Runs in the child: loads the addon, reports what it is and a PUSH/PULL round trip over TCP
// through the raw binding (no lib/), and what a draft-only call throws. Prints one JSON line.
const probe = `
const addon = require(process.argv[1])
const [PULL, PUSH, LINGER, LAST_ENDPOINT, POLLIN, POLLOUT] = ${JSON.stringify([
  zmq.ZMQ_PULL,
  zmq.ZMQ_PUSH,
  zmq.ZMQ_LINGER,
  zmq.ZMQ_LAST_ENDPOINT,
  zmq.ZMQ_POLLIN,
  zmq.ZMQ_POLLOUT,
])}
let wake = () => {}
const onReady = () => wake()
// Retries op until it succeeds: when ZMQ_EVENTS lacks the readiness op needs, waits for the
// socket's (edge-triggered) notification first.
async function until(socket, readiness, op) {
  socket.watch()
  for (;;) {
    const result = op()
    if (result !== undefined && result !== 0) {
      socket.unwatch()
      return result
    }
    if ((socket.events() & readiness) === 0) await new Promise(resolve => (wake = resolve))
  }
}
async function main() {
  const report = {version: addon.version(), draft: addon.has("draft")}
  const pull = new addon.Socket(addon.context, PULL, onReady)
  const push = new addon.Socket(addon.context, PUSH, onReady)
  for (const socket of [pull, push]) socket.setInt32(LINGER, 0)
  pull.bind("tcp://127.0.0.1:*")
  const endpoint = pull.getBytes(LAST_ENDPOINT).toString().replace(/\\0+$/, "")
  push.connect(endpoint)
  report.sent = await until(push, POLLOUT, () => push.send(Buffer.from("through the system libzmq")))
  // The addon gives a one-frame message as its Buffer (lib/core/frames.ts framesOf).
  const received = await until(pull, POLLIN, () => pull.receive())
  report.received = [].concat(received).map(frame => frame.toString())
  try {
    pull.join("group")
    report.join = "returned"
  } catch (error) {
    report.join = {code: error.code, errno: error.errno, message: error.message}
  }
  pull.close()
  push.close()
  process.stdout.write(JSON.stringify(report) + "\\n")
}
main().catch(error => {
  process.stderr.write(String(error && error.stack || error) + "\\n")
  process.exit(1)
})
`

interface Report {
  version: string
  draft: boolean
  sent: number
  received: string[]
  join: "returned" | {code: string; errno: number; message: string}
}

function pkgConfig(...args: string[]): string {
  try {
    return execFileSync("pkg-config", [...args, "libzmq"], {encoding: "utf8"}).trim()
  } catch (error) {
    throw new Error(
      `pkg-config does not know libzmq (${(error as Error).message.split("\n")[0]}); ` +
        "run scripts/install-system-deps (it installs libzmq3-dev and pkg-config)",
    )
  }
}

function failUnless(result: Run, what: string): void {
  if (result.status !== 0) throw new Error(`${what} failed:\n${transcript(result)}`)
}

describe("the node-gyp build against the system libzmq (ZMQ_SHARED=1)", () => {
  let scratch = ""
  let addon = ""
  let report: Report

  beforeAll(
    async () => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-shared-"))
      for (const entry of sourceFiles) {
        fs.cpSync(path.join(root, entry), path.join(scratch, entry), {recursive: true})
      }
      fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"), "dir")

      const build = await run(process.execPath, ["scripts/install.js", "--build-from-source"], {
        cwd: scratch,
        env: {...process.env, ZMQ_SHARED: "1", JOBS: String(os.availableParallelism())},
        timeout: buildSeconds * 1000,
        killSignal: "SIGKILL",
      })
      failUnless(build, "`ZMQ_SHARED=1 node scripts/install.js --build-from-source`")
      addon = path.join(scratch, "build", "Release", "zmq_native.node")

      const child = await run(process.execPath, ["-e", probe, addon], {
        cwd: scratch,
        timeout: 20_000,
        killSignal: "SIGKILL",
      })
      failUnless(child, "loading the built addon in a child process")
      report = JSON.parse(child.stdout) as Report
    },
    (buildSeconds + 30) * 1000,
  )

  afterAll(() => {
    if (scratch) fs.rmSync(scratch, {recursive: true, force: true})
  })

  it("builds nothing vendored: no libzmq build folder appears", () => {
    expect(fs.existsSync(path.join(scratch, "deps"))).toBe(false)
    expect(fs.existsSync(addon)).toBe(true)
  })

  it("links the system's libzmq.so.5 dynamically", () => {
    const ldd = execFileSync("ldd", [addon], {encoding: "utf8"})
    const linked = /^\s*libzmq\.so\.5 => (\S+)/m.exec(ldd)
    expect(linked).not.toBeNull()
    const system = path.join(pkgConfig("--variable=libdir"), "libzmq.so.5")
    expect(fs.realpathSync(linked![1])).toBe(fs.realpathSync(system))
  })

  it("reports the system libzmq's version, without the draft API", () => {
    expect(report.version).toBe(pkgConfig("--modversion"))
    expect(report.draft).toBe(false)
  })

  it("carries a PUSH/PULL round trip over TCP", () => {
    expect(report.sent).toBe(1)
    expect(report.received).toEqual(["through the system libzmq"])
  })

  it("fails a draft-only call (join) with ENOTSUP", () => {
    expect(report.join).toMatchObject({code: "ENOTSUP", message: expect.stringMatching(/draft API/)})
  })
})

// REQ/REP and PUB/SUB against a small C program linked with the vendored libzmq (compiled
// here with `cc`), over tcp and ipc, with either side binding; exact frames on both sides.
import {execFileSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {Peer, peersDir} from "./peer"
import {closeAll, runScenario, scenarios, type Open, type StartPeer} from "./scenarios"

const {buildLinkFile} = require("../../scripts/lib/link-files.js")

interface LinkInfo {
  include: string
  archives: string[]
  system: string[]
}

/**
 * How to link the vendored libzmq built for this machine: build/'s, as its build recorded it
 * (deps/ also holds the prebuilds' builds for other systems, which cc cannot link).
 */
function linkInfo(): LinkInfo {
  const file: string = buildLinkFile()
  if (!fs.existsSync(file)) throw new Error(`no vendored libzmq build (${file}); run \`npm run build\` first`)
  return JSON.parse(fs.readFileSync(file, "utf8")) as LinkInfo
}

let binary = ""
let workDir = ""

beforeAll(() => {
  const link = linkInfo()
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "zmq-native-c-peer-"))
  binary = path.join(workDir, "peer")
  const args = [
    "-O1",
    "-o",
    binary,
    path.join(peersDir, "peer.c"),
    `-I${link.include}`,
    "-DZMQ_STATIC",
    ...link.archives,
    "-lstdc++",
    ...link.system.map(name => `-l${name}`),
  ]
  execFileSync("cc", args, {stdio: ["ignore", "inherit", "inherit"]})
})

afterAll(() => {
  if (workDir) fs.rmSync(workDir, {recursive: true, force: true})
})

const startC: StartPeer = (type, mode, endpoint, options) =>
  Peer.start(binary, [type, mode, endpoint, ...options])

const open: Open = new Set()
afterEach(() => closeAll(open))

describe.each([
  ["req-rep", scenarios["req-rep"]],
  ["pub-sub", scenarios["pub-sub"]],
])("%s with the C peer", (_pattern, cases) => {
  describe.each(["tcp", "ipc"] as const)("over %s", transport => {
    describe.each(["ours", "theirs"] as const)("%s binding", binder => {
      it.each(cases.map(scenario => [scenario.name, scenario] as const))("%s", async (_name, scenario) => {
        await runScenario(scenario, transport, binder, startC, open)
      })
    })
  })
})

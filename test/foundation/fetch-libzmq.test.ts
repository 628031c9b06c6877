// scripts/fetch-libzmq.js: takes the source from the first place that has it, checks pinned
// checksums, does nothing when the source is present, and fails with one message listing what
// it tried and how to supply the source by hand. Runs in a scratch folder, offline.
import {spawnSync} from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"

const root = path.resolve(__dirname, "../..")
const script = path.join(root, "scripts", "fetch-libzmq.js")
const vendored = path.join(root, "deps", "libzmq")

// An unreachable mirror and a PATH without apt-get: nothing but the given path can succeed.
function fetch(env: Record<string, string>, dir: string) {
  const bin = path.join(dir, "..", "bin")
  fs.mkdirSync(bin, {recursive: true})
  const result = spawnSync(process.execPath, [script], {
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: bin,
      ZMQ_NATIVE_FETCH_DIR: dir,
      ZMQ_NATIVE_LIBZMQ_URL: "https://127.0.0.1:9/zeromq-4.3.5.tar.gz",
      ...env,
    },
  })
  return {status: result.status, output: result.stderr}
}

describe("fetch-libzmq", () => {
  let scratch: string
  beforeEach(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-fetch-"))
  })
  afterEach(() => fs.rmSync(scratch, {recursive: true, force: true}))

  it("takes a source directory the user names, then does nothing on a second run", () => {
    const deps = path.join(scratch, "deps")
    const first = fetch({ZMQ_NATIVE_LIBZMQ_SOURCE: vendored}, deps)
    expect(first.status).toBe(0)
    expect(fs.existsSync(path.join(deps, "libzmq", "include", "zmq.h"))).toBe(true)
    const stamp = JSON.parse(fs.readFileSync(path.join(deps, "libzmq", ".zmq-native-source.json"), "utf8"))
    expect(stamp.version).toMatch(/^4\.3\.\d+$/)

    const second = fetch({}, deps)
    expect(second.status).toBe(0)
    expect(second.output).toMatch(/already present.*nothing to do/)
  })

  it("refuses a tarball whose checksum is not pinned, and says what it tried", () => {
    const bogus = path.join(scratch, "zeromq-4.3.5.tar.gz")
    fs.writeFileSync(bogus, "not a release")
    const result = fetch({ZMQ_NATIVE_LIBZMQ_SOURCE: bogus}, path.join(scratch, "deps"))
    expect(result.status).toBe(1)
    expect(result.output).toMatch(/checksum mismatch/)
    expect(result.output).toMatch(/no libzmq source could be obtained\. Tried:/)
    expect(result.output).toMatch(/ZMQ_NATIVE_LIBZMQ_SOURCE/)
    expect(result.output).toMatch(/upstream release/)
    expect(result.output).toMatch(/distribution source package 'zeromq3'.*apt-get is not available/)
    expect(result.output).toMatch(/Supply it by hand/)
    expect(fs.existsSync(path.join(scratch, "deps", "libzmq"))).toBe(false)
  })
})

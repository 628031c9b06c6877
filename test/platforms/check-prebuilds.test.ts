// The release gate (scripts/check-prebuilds.js, run by prepack and prepublishOnly) refuses a
// prebuilds/ folder that lacks a target's binary or holds one for the wrong platform.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {root, run} from "../helpers"
import {prebuild} from "./foreign"

const {targets} = require("../../scripts/lib/prebuild-targets.js")

async function check(folder: string) {
  return run(process.execPath, [path.join(root, "scripts", "check-prebuilds.js"), folder], {timeout: 60_000})
}

describe("check-prebuilds", () => {
  let scratch: string
  beforeEach(() => (scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-check-"))))
  afterEach(() => fs.rmSync(scratch, {recursive: true, force: true}))

  it("fails listing every target's missing binary", async () => {
    const result = await check(scratch)
    expect(result.status).toBe(1)
    for (const entry of targets) expect(result.stderr).toContain(`${entry.tuple}/${entry.file} is missing`)
  })

  it("fails on a binary for another platform, and one that does not load here", async () => {
    const dir = path.join(scratch, "linux-x64")
    fs.mkdirSync(dir)
    for (const file of fs.readdirSync(path.dirname(prebuild("linux-arm64")))) {
      fs.copyFileSync(path.join(path.dirname(prebuild("linux-arm64")), file), path.join(dir, file))
    }
    const result = await check(scratch)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain("linux-x64/zmq-native.glibc.node is a linux-arm64 binary")
    expect(result.stderr).toMatch(/linux-x64\/zmq-native\.glibc\.node does not load here: .+/)
    expect(result.stderr).not.toContain("linux-x64/THIRD_PARTY_NOTICES.md is missing")
  })
})

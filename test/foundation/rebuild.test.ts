// Rebuilding the addon must not rebuild libzmq: its build lives outside build/ (which node-gyp
// empties) and is keyed to the build tree, so only the addon's own objects are recompiled.
import {execFileSync} from "node:child_process"
import * as fs from "node:fs"
import * as path from "node:path"

const root = path.resolve(__dirname, "../..")
const build = path.join(root, "build")

describe("an incremental rebuild of the addon (cmake-js build tree)", () => {
  it("recompiles the changed addon source and none of libzmq", () => {
    const object = path.join(build, "CMakeFiles", "zmq_native.dir", "native", "errors.cc.o")
    expect(fs.existsSync(object)).toBe(true)
    fs.rmSync(object)

    const log = execFileSync("cmake", ["--build", build, "--target", "zmq_native", "--verbose"], {
      encoding: "utf8",
      timeout: 120_000,
    })

    expect(log).toMatch(/native\/errors\.cc/)
    expect(log).not.toMatch(/Performing (configure|build) step for 'libzmq_vendored'/)
    expect(log).not.toMatch(/libzmq\/src\/\w+\.cpp/)
    expect(fs.existsSync(object)).toBe(true)
  })
})

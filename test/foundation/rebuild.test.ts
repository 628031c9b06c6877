// Rebuilding the addon must not rebuild libzmq: its build lives outside build/ (which node-gyp
// empties) in deps/, keyed to the build tree, and nothing in native/ is one of its inputs. So
// once built, libzmq's target is up to date whatever happened to the addon since.
// (Only libzmq's target is built here: relinking the addon would rewrite a .node file that
// other test workers may be loading at that moment.)
import {execFileSync} from "node:child_process"
import * as path from "node:path"

const build = path.resolve(__dirname, "../../build")

describe("the cmake-js build tree", () => {
  it("has libzmq up to date after the addon was (re)built, so no libzmq step runs", () => {
    const log = execFileSync("cmake", ["--build", build, "--target", "libzmq_vendored", "--verbose"], {
      encoding: "utf8",
      timeout: 120_000,
    })

    expect(log).not.toMatch(/Performing (configure|build|install) step for 'libzmq_vendored'/)
    expect(log).not.toMatch(/libzmq\/src\/\w+\.cpp/)
  })
})

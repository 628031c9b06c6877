// The Linux prebuilds load on old glibc systems: the highest symbol versions they need, read from
// objdump's version references, stay at or below the floor, they need no libstdc++ (it is linked
// in), and they link nothing but the C library's own parts.
import {execFileSync} from "node:child_process"
import {prebuild} from "./foreign"

const {glibcFloor} = require("../../scripts/lib/prebuild-targets.js")

const objdump: Record<string, string> = {"linux-x64": "objdump", "linux-arm64": "aarch64-linux-gnu-objdump"}
const systemLibraries =
  /^(libc\.so\.6|libm\.so\.6|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|ld-linux-(x86-64|aarch64)\.so\.[12])$/

const versionNumber = (version: string) => version.split(".").map(Number)
function newer(a: string, b: string): boolean {
  const [x, y] = [versionNumber(a), versionNumber(b)]
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0)
  }
  return false
}

describe.each(Object.keys(objdump))("the %s prebuild", target => {
  let headers: string
  beforeAll(() => {
    headers = execFileSync(objdump[target], ["-p", prebuild(target)], {encoding: "utf8"})
  })

  it(`needs glibc ${glibcFloor} at most`, () => {
    const versions = [...headers.matchAll(/\sGLIBC_([\d.]+)\s/g)].map(match => match[1])
    expect(versions.length).toBeGreaterThan(0)
    const highest = versions.reduce((a, b) => (newer(b, a) ? b : a))
    expect({highest, aboveFloor: newer(highest, glibcFloor)}).toEqual({highest, aboveFloor: false})
  })

  it("needs no libstdc++ (no GLIBCXX_ or CXXABI_ version)", () => {
    expect(headers.match(/(GLIBCXX|CXXABI)_[\d.]+/g) ?? []).toEqual([])
  })

  it("links only the C library (libc, libm, libpthread, the dynamic loader)", () => {
    const needed = [...headers.matchAll(/NEEDED\s+(\S+)/g)].map(match => match[1])
    expect(needed).toContain("libc.so.6")
    expect(needed.filter(library => !systemLibraries.test(library))).toEqual([])
  })
})

// The vendored build has every transport and mechanism compiled in: on this platform (Linux
// x64, where CI runs) each capability the build promises must be reported as present.
import {capability, version} from "../../lib"

describe("the vendored libzmq", () => {
  it("reports its version", () => {
    expect(version).toMatch(/^4\.3\.\d+$/)
  })

  it.each(["ipc", "tipc", "pgm", "norm", "curve", "draft", "ws", "udp"] as const)("has %s", name => {
    expect(capability[name]).toBe(true)
  })

  it("has no wss (libzmq's TLS would link GnuTLS dynamically) and no gssapi", () => {
    expect(capability.wss).toBe(false)
    expect(capability.gssapi).toBe(false)
  })
})

// The addon's errno table (native/errors.cc), the one source of errno names and numbers, which
// lib/errors.ts reads both ways: this platform's numbers for the POSIX names, libzmq's own errors
// as zmq.h defines them, one name for every number, and the same facts on real failures.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {errnoError, errnoName} from "../../lib/errors"
import {binding} from "../../lib/native"
import {Pair} from "../../lib"
import {closeAfterEach, root} from "../helpers"

const track = closeAfterEach()

// zmq.h's `#define ENAME (ZMQ_HAUSNUMERO + n)` lines: libzmq's own numbers, read from the header.
function zmqHeaderErrnos(): Map<string, number> {
  const header = fs.readFileSync(path.join(root, "deps", "libzmq", "include", "zmq.h"), "utf8")
  const base = Number(/#define ZMQ_HAUSNUMERO (\d+)/.exec(header)![1])
  const defined = [...header.matchAll(/#define (E[A-Z]+) \(ZMQ_HAUSNUMERO \+ (\d+)\)/g)]
  return new Map(defined.map(([, name, offset]) => [name, base + Number(offset)]))
}

describe("the errno table", () => {
  it("gives the POSIX names this platform's numbers", () => {
    const platform = os.constants.errno as Record<string, number>
    const shared = Object.keys(binding.errnos).filter(name => name in platform)
    expect(shared.length).toBeGreaterThan(70)
    expect(Object.fromEntries(shared.map(name => [name, binding.errnos[name]]))).toEqual(
      Object.fromEntries(shared.map(name => [name, platform[name]])),
    )
  })

  it("gives libzmq's own errors zmq.h's numbers (those the platform lacks, and EFSM to EMTHREAD)", () => {
    const platform = os.constants.errno as Record<string, number>
    const own = [...zmqHeaderErrnos()].filter(([name]) => !(name in platform))
    expect(own.map(([name]) => name)).toEqual(
      expect.arrayContaining(["EFSM", "ENOCOMPATPROTO", "ETERM", "EMTHREAD"]),
    )
    expect(Object.fromEntries(own.map(([name]) => [name, binding.errnos[name]]))).toEqual(
      Object.fromEntries(own),
    )
  })

  it("names a number by the first name listed for it, EUNKNOWN where it has none", () => {
    expect(errnoName(binding.errnos.EAGAIN)).toBe("EAGAIN")
    expect(errnoName(binding.errnos.ETERM)).toBe("ETERM")
    expect(errnoName(-1)).toBe("EUNKNOWN")
    for (const errno of Object.values(binding.errnos)) expect(binding.errnos[errnoName(errno)]).toBe(errno)
  })

  it("a libzmq failure and an error lib/ makes agree with it", () => {
    const socket = track(new Pair())
    expect(() => socket.connect("bogus://127.0.0.1:5555")).toThrow(
      expect.objectContaining({code: "EPROTONOSUPPORT", errno: binding.errnos.EPROTONOSUPPORT}),
    )
    expect(errnoError("ETERM", "Context is closed")).toMatchObject({
      code: "ETERM",
      errno: binding.errnos.ETERM,
    })
  })
})

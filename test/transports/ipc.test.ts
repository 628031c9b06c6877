// ipc: Unix domain sockets by file path and in Linux's abstract namespace; the socket file goes
// away on unbind and on close; a path longer than a socket address holds is a clear error.
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import {Pair, Pull} from "../../lib"
import {socketTracker} from "../helpers"
import {deliversWhenConnectedFirst, roundTrip} from "./fixtures/harness"

const track = socketTracker()
let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zmqn-ipc-"))
})

afterEach(() => {
  track.closeAll()
  fs.rmSync(dir, {recursive: true, force: true})
})

// libzmq unlinks the socket file on its I/O thread after unbind/close return: wait for the
// directory to report the removal (inotify), failing after a deadline.
function removal(file: string, ms = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = fs.watch(path.dirname(file))
    const timer = setTimeout(() => finish(new Error(`${file} still exists after ${ms} ms`)), ms)
    const finish = (error?: Error) => {
      clearTimeout(timer)
      watcher.close()
      if (error) reject(error)
      else resolve()
    }
    const check = () => {
      if (!fs.existsSync(file)) finish()
    }
    watcher.on("change", check)
    check()
  })
}

describe("ipc", () => {
  it("carries messages over a socket file, which exists while bound", async () => {
    const file = path.join(dir, "pair.sock")
    const bound = track(new Pair())
    await bound.bind(`ipc://${file}`)
    expect(bound.lastEndpoint).toBe(`ipc://${file}`)
    expect(fs.statSync(file).isSocket()).toBe(true)
    const connected = track(new Pair())
    connected.connect(`ipc://${file}`)
    await roundTrip(bound, connected)
  })

  it("removes the socket file on unbind", async () => {
    const file = path.join(dir, "unbind.sock")
    const pull = track(new Pull())
    await pull.bind(`ipc://${file}`)
    expect(fs.existsSync(file)).toBe(true)
    await pull.unbind(`ipc://${file}`)
    await removal(file)
  })

  it("removes the socket file on close", async () => {
    const file = path.join(dir, "close.sock")
    const pull = new Pull()
    await pull.bind(`ipc://${file}`)
    expect(fs.existsSync(file)).toBe(true)
    pull.close()
    await removal(file)
  })

  it("carries messages over an abstract name (@) without touching the file system", async () => {
    const name = `@zmqn-test-${process.pid}-${Date.now()}`
    const bound = track(new Pair())
    await bound.bind(`ipc://${name}`)
    expect(bound.lastEndpoint).toBe(`ipc://${name}`)
    expect(fs.existsSync(name)).toBe(false)
    const connected = track(new Pair())
    connected.connect(`ipc://${name}`)
    await roundTrip(bound, connected)
  })

  it("connects before the bind and delivers once it exists", async () => {
    await deliversWhenConnectedFirst(`ipc://${path.join(dir, "late.sock")}`, track)
  })

  // sun_path holds 108 bytes on Linux, the terminating NUL included.
  const tooLong = "/tmp/" + "x".repeat(103)
  it.each([
    ["bind", (socket: Pair, address: string) => socket.bind(address)],
    ["connect", async (socket: Pair, address: string) => socket.connect(address)],
  ])("%s: a path longer than a socket address holds names the limit", async (_, call) => {
    const socket = track(new Pair())
    const address = `ipc://${tooLong}`
    await expect(call(socket, address)).rejects.toMatchObject({
      code: "ENAMETOOLONG",
      errno: os.constants.errno.ENAMETOOLONG,
      address,
      message: `File name too long: the ipc path is 108 bytes long; a Unix socket address holds at most 107: ${address}`,
    })
    // One byte less fits.
    await socket.bind(`ipc://${path.join(dir, "y".repeat(107 - dir.length - 1))}`)
  })
})

// tcp: IPv4 and IPv6 loopback, wildcard ports read back, host names, interface names, connecting
// before the bind, and a binding process that restarts on the same port.
import {spawn} from "node:child_process"
import * as path from "node:path"
import {once} from "node:events"
import {Pair, Pull, Request, Reply} from "../../lib"
import {closeAfterEach, freeTcpPort, portOf, root} from "../helpers"
import {deliversWhenConnectedFirst, fixtures, roundTrip} from "./fixtures/harness"

const track = closeAfterEach()

describe("tcp", () => {
  it("binds a wildcard IPv4 port and reads the chosen one back", async () => {
    const bound = track(new Pair())
    await bound.bind("tcp://127.0.0.1:*")
    expect(bound.lastEndpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    expect(portOf(bound.lastEndpoint!)).toBeGreaterThan(0)
    const connected = track(new Pair())
    connected.connect(bound.lastEndpoint!)
    await roundTrip(bound, connected)
  })

  it("carries messages over IPv6 loopback with ipv6: true", async () => {
    const bound = track(new Pair({ipv6: true}))
    await bound.bind("tcp://[::1]:*")
    expect(bound.lastEndpoint).toMatch(/^tcp:\/\/\[::1\]:\d+$/)
    const connected = track(new Pair({ipv6: true}))
    connected.connect(bound.lastEndpoint!)
    await roundTrip(bound, connected)
  })

  it("refuses an IPv6 address without ipv6: true", async () => {
    const bound = track(new Pair())
    await expect(bound.bind("tcp://[::1]:*")).rejects.toMatchObject({
      code: "ENODEV",
      address: "tcp://[::1]:*",
    })
  })

  it("resolves a host name on connect", async () => {
    const bound = track(new Reply())
    await bound.bind("tcp://127.0.0.1:*")
    const connected = track(new Request())
    connected.connect(`tcp://localhost:${portOf(bound.lastEndpoint!)}`)
    await roundTrip(bound, connected)
  })

  it("binds to an interface by name (lo) and reports its address", async () => {
    const bound = track(new Pair())
    await bound.bind("tcp://lo:*")
    expect(bound.lastEndpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    const connected = track(new Pair())
    connected.connect(bound.lastEndpoint!)
    await roundTrip(bound, connected)
  })

  it("delivers when the connect comes before the bind", async () => {
    await deliversWhenConnectedFirst(`tcp://127.0.0.1:${await freeTcpPort()}`, track)
  })

  it("reconnects when the binding process restarts on the same port", async () => {
    const pull = track(new Pull({reconnectInterval: 10, receiveTimeout: 10000}))
    // Each binder is its own process; after it exits its listening socket is surely gone.
    const binder = async (endpoint: string, message: string, onEndpoint: (endpoint: string) => void) => {
      const child = spawn(process.execPath, [path.join(fixtures, "push-once.js"), endpoint, message], {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
      })
      const exited = once(child, "exit") as Promise<[number]>
      const [line] = (await once(child.stdout!.setEncoding("utf8"), "data")) as [string]
      onEndpoint(line.trim())
      return (await exited)[0]
    }
    let endpoint = ""
    const first = binder("tcp://127.0.0.1:*", "first life", bound => pull.connect((endpoint = bound)))
    await expect(pull.receive()).resolves.toEqual([Buffer.from("first life")])
    await expect(first).resolves.toBe(0)

    const second = binder(endpoint, "second life", bound => expect(bound).toBe(endpoint))
    await expect(pull.receive()).resolves.toEqual([Buffer.from("second life")])
    await expect(second).resolves.toBe(0)
  })
})

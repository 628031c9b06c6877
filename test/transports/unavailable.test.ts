// A transport this build lacks fails bind and connect at once, with an error naming the transport
// and the capability flag that tells — never a silent no-op.
import * as os from "node:os"
import {Pair, capability} from "../../lib"
import {closeAfterEach} from "../helpers"

const track = closeAfterEach()

const EPROTONOSUPPORT = os.constants.errno.EPROTONOSUPPORT

const calls: [string, (socket: Pair, address: string) => Promise<void>][] = [
  ["bind", (socket, address) => socket.bind(address)],
  ["connect", async (socket, address) => socket.connect(address)],
]

describe.each(calls)("%s", (_, call) => {
  // This build has WebSocket without TLS (capability.ws is true), so wss is missing.
  it("wss:// names the transport and its capability flag", async () => {
    expect(capability.ws).toBe(true)
    const address = "wss://127.0.0.1:5555/path"
    await expect(call(track(new Pair()), address)).rejects.toMatchObject({
      code: "EPROTONOSUPPORT",
      errno: EPROTONOSUPPORT,
      address,
      message: `Protocol not supported: the "wss" transport is not available in this build (capability.wss is false): ${address}`,
    })
  })

  it("vmci:// (never built on Linux) names its flag too", async () => {
    const address = "vmci://1:5555"
    await expect(call(track(new Pair()), address)).rejects.toMatchObject({
      code: "EPROTONOSUPPORT",
      message: `Protocol not supported: the "vmci" transport is not available in this build (capability.vmci is false): ${address}`,
    })
  })

  it("a made-up scheme is named as unknown", async () => {
    const address = "carrier-pigeon://coop:1"
    await expect(call(track(new Pair()), address)).rejects.toMatchObject({
      code: "EPROTONOSUPPORT",
      errno: EPROTONOSUPPORT,
      address,
      message: expect.stringMatching(
        /^Protocol not supported: the "carrier-pigeon" transport is unknown to libzmq \(not one of tcp, ipc, inproc, /,
      ),
    })
  })

  it("the socket still works afterwards", async () => {
    const socket = track(new Pair())
    await expect(call(socket, "wss://127.0.0.1:5555")).rejects.toMatchObject({code: "EPROTONOSUPPORT"})
    await socket.bind("inproc://after-unavailable-" + _)
    const peer = track(new Pair())
    peer.connect("inproc://after-unavailable-" + _)
    await peer.send("still here")
    await expect(socket.receive()).resolves.toEqual([Buffer.from("still here")])
  })
})

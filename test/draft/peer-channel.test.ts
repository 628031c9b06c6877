// Peer (routing ids known from connect(), both directions) and Channel (thread-safe Pair).
import {Peer, Channel} from "../../lib/draft"
import {bindAny, closeAll, track, transports} from "./helpers"

afterEach(closeAll)

describe.each(transports)("Peer over %s", transport => {
  test("connect() returns the routing id to send with; the answer names its sender", async () => {
    const [listener, dialer] = track(new Peer(), new Peer())
    const routingId = dialer.connect(await bindAny(listener, transport))
    expect(Number.isInteger(routingId) && routingId > 0).toBe(true)

    // The dialer speaks first, by the id connect() gave it.
    await dialer.send("hello", {routingId})
    const [frame, {routingId: back}] = await listener.receive()
    expect(frame.toString()).toBe("hello")

    await listener.send("welcome", {routingId: back})
    const [reply, {routingId: from}] = await dialer.receive()
    expect(reply.toString()).toBe("welcome")
    expect(from).toBe(routingId)
  })

  test("one Peer talks to two by their routing ids", async () => {
    const [hub, a, b] = track(new Peer(), new Peer(), new Peer())
    const [addressA, addressB] = [await bindAny(a, transport), await bindAny(b, transport)]
    const idA = hub.connect(addressA)
    const idB = hub.connect(addressB)
    expect(idA).not.toBe(idB)
    await hub.send("for b", {routingId: idB})
    await hub.send("for a", {routingId: idA})
    expect((await a.receive())[0].toString()).toBe("for a")
    expect((await b.receive())[0].toString()).toBe("for b")
  })
})

describe("Peer errors", () => {
  test("connect to a bad address is an error with code and address", () => {
    const [peer] = track(new Peer())
    expect(() => peer.connect("tcp://no-port")).toThrow(
      expect.objectContaining({code: "EINVAL", address: "tcp://no-port"}),
    )
    expect(() => peer.connect(7 as never)).toThrow(/^Address must be a string/)
  })

  test("an unknown routing id is EHOSTUNREACH", async () => {
    const [peer] = track(new Peer())
    await expect(peer.send("x", {routingId: 99})).rejects.toMatchObject({code: "EHOSTUNREACH"})
  })
})

describe.each(transports)("Channel over %s", transport => {
  test("single frames both ways", async () => {
    const [left, right] = track(new Channel(), new Channel())
    right.connect(await bindAny(left, transport))
    await right.send("ping")
    expect((await left.receive()).map(String)).toEqual(["ping"])
    await left.send(Buffer.from("pong"))
    expect((await right.receive()).map(String)).toEqual(["pong"])
    await expect((left.send as (m: unknown) => Promise<void>)(["a", "b"])).rejects.toThrow(TypeError)
  })
})

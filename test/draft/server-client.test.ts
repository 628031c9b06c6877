// Server/Client: routing ids carried both ways over tcp and inproc, and the errors around them.
import {Server, Client} from "../../lib/draft"
import {bindAny, closeAll, track, transports} from "./helpers"

afterEach(closeAll)

describe.each(transports)("Server/Client over %s", transport => {
  test("a request carries the client's routing id and the reply goes back by it", async () => {
    const [server, client] = track(new Server(), new Client())
    client.connect(await bindAny(server, transport))

    await client.send("ping")
    const [request, {routingId}] = await server.receive()
    expect(request.toString()).toBe("ping")
    expect(Number.isInteger(routingId) && routingId > 0).toBe(true)

    await server.send("pong", {routingId})
    const [reply] = await client.receive()
    expect(reply.toString()).toBe("pong")
  })

  test("two clients get distinct routing ids and each gets only its own replies", async () => {
    const [server, first, second] = track(new Server(), new Client(), new Client())
    const address = await bindAny(server, transport)
    first.connect(address)
    second.connect(address)

    await first.send("first")
    await second.send("second")
    const ids = new Map<string, number>()
    for (const [frame, {routingId}] of [await server.receive(), await server.receive()]) {
      ids.set(frame.toString(), routingId)
    }
    expect(ids.get("first")).not.toBe(ids.get("second"))

    await server.send("to second", {routingId: ids.get("second")!})
    await server.send("to first", {routingId: ids.get("first")!})
    expect((await first.receive())[0].toString()).toBe("to first")
    expect((await second.receive())[0].toString()).toBe("to second")
    expect(first.readable).toBe(false)
    expect(second.readable).toBe(false)
  })

  test("sendMany addresses every message by the routing id, and refuses a multipart one", async () => {
    const [server, client] = track(new Server(), new Client())
    client.connect(await bindAny(server, transport))
    await client.send("hello")
    const [, {routingId}] = await server.receive()

    await server.sendMany(["x", "y", "z"], {routingId})
    const got: string[] = []
    for (let i = 0; i < 3; i++) got.push((await client.receive())[0].toString())
    expect(got).toEqual(["x", "y", "z"])
    await expect(client.sendMany(["a", ["b", "c"] as never])).rejects.toThrow(/single frame/)
  })

  test("receiveMany and async iteration keep each message's routing id", async () => {
    const [server, client] = track(new Server(), new Client())
    client.connect(await bindAny(server, transport))
    await client.sendMany(["a", "b", "c"])

    const received: string[] = []
    let routingIds = new Set<number>()
    while (received.length < 3) {
      for (const [frame, {routingId}] of await server.receiveMany(8)) {
        received.push(frame.toString())
        routingIds.add(routingId)
      }
    }
    expect(received).toEqual(["a", "b", "c"])
    expect(routingIds.size).toBe(1)

    await client.send("d")
    for await (const [frame, {routingId}] of server) {
      expect(frame.toString()).toBe("d")
      expect(routingIds.has(routingId)).toBe(true)
      routingIds = new Set()
      break
    }
  })
})

describe("Server errors", () => {
  test("sending to an unknown routing id rejects with EHOSTUNREACH", async () => {
    const [server] = track(new Server())
    await server.bind("tcp://127.0.0.1:*")
    await expect(server.send("nobody", {routingId: 12345})).rejects.toMatchObject({code: "EHOSTUNREACH"})
    // The socket stays usable.
    await expect(server.send("nobody", {routingId: 54321, timeout: 100})).rejects.toMatchObject({
      code: "EHOSTUNREACH",
    })
  })

  test("a missing or malformed routing id: v6's errors (a number out of range: a RangeError), thrown by send() itself", () => {
    const [server] = track(new Server())
    const send = server.send.bind(server) as (message: unknown, options?: unknown) => Promise<void>
    expect(() => send("x")).toThrow(/^Options must be an object \(got undefined/)
    expect(() => send("x", {})).toThrow(expect.objectContaining({code: "EINVAL", errno: 22}))
    expect(() => send("x", {routingId: "7"})).toThrow(
      new TypeError("A number was expected (options.routingId: got string 7)"),
    )
    expect(() => send("x", {routingId: 0})).toThrow(RangeError)
    expect(() => send("x", {routingId: 2 ** 32})).toThrow(/options\.routingId.*4294967295/)
    expect(() => send("x", {routingId: 1.5})).toThrow(RangeError)
  })

  test("multipart messages are a TypeError: draft sockets send one frame", async () => {
    const [server, client] = track(new Server(), new Client())
    client.connect(await bindAny(server, "inproc"))
    const send = client.send.bind(client) as (message: unknown) => Promise<void>
    await expect(send(["a", "b"])).rejects.toThrow(/single frame.*2 frames/)
    await expect(send([])).rejects.toThrow(TypeError)
    // A one-frame array is one frame.
    await send(["only"])
    expect((await server.receive())[0].toString()).toBe("only")
  })

  test("constructor options are checked against the Server's option table", () => {
    expect(() => new Server({routingId: "x"} as never)).toThrow(
      /^Cannot add property routingId, object is not extensible/,
    )
  })
})

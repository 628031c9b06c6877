// ws:// (libzmq's WebSocket transport): PAIR and REQ/REP on 127.0.0.1 with a wildcard port read
// back from lastEndpoint. wss:// needs libzmq built with TLS (GnuTLS); ours is not, so it must
// fail with a clear error naming the transport.
import {Pair, Request, Reply, capability} from "../../lib"

const open: {close(): void}[] = []
afterEach(() => {
  for (const socket of open.splice(0)) socket.close()
})

async function bound<T extends Pair | Reply>(socket: T, path: string): Promise<string> {
  open.push(socket)
  await socket.bind(`ws://127.0.0.1:*${path}`)
  return socket.lastEndpoint!
}

test("the build has ws", () => {
  expect(capability.ws).toBe(true)
})

test("a wildcard port is chosen and read back, path included", async () => {
  const address = await bound(new Pair(), "/chat")
  expect(address).toMatch(/^ws:\/\/127\.0\.0\.1:(\d+)\/chat$/)
  expect(Number(/:(\d+)\//.exec(address)![1])).toBeGreaterThan(0)
})

test("PAIR: multipart messages both ways", async () => {
  const left = new Pair()
  const right = new Pair()
  open.push(right)
  right.connect(await bound(left, "/pair"))
  await right.send(["hello", Buffer.alloc(100_000, 7)])
  const [greeting, big] = await left.receive()
  expect(greeting.toString()).toBe("hello")
  expect(big.equals(Buffer.alloc(100_000, 7))).toBe(true)
  await left.send("back")
  expect((await right.receive()).map(String)).toEqual(["back"])
})

test("REQ/REP: several round trips", async () => {
  const reply = new Reply()
  const request = new Request()
  open.push(request)
  request.connect(await bound(reply, "/rpc"))
  for (let i = 0; i < 20; i++) {
    await request.send(`q${i}`)
    const [question] = await reply.receive()
    await reply.send(`a:${question}`)
    expect((await request.receive()).map(String)).toEqual([`a:q${i}`])
  }
})

test("wss:// is not built (no TLS): bind and connect fail with EPROTONOSUPPORT naming wss", async () => {
  const pair = new Pair()
  open.push(pair)
  await expect(pair.bind("wss://127.0.0.1:*/secure")).rejects.toMatchObject({
    code: "EPROTONOSUPPORT",
    address: "wss://127.0.0.1:*/secure",
    message: expect.stringMatching(/"wss" transport is not available/),
  })
  expect(() => pair.connect("wss://127.0.0.1:9/secure")).toThrow(
    expect.objectContaining({code: "EPROTONOSUPPORT", message: expect.stringMatching(/wss/)}),
  )
})

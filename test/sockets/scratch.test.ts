// The receive scratch (lib/core/frames.ts receiveScratch): native receive() copies a small
// one-frame message into one buffer per thread and answers with its length, and framesOf copies
// it out. What is checked: every frame a Request, Reply or Subscriber (the sockets that receive
// one message per native call) gives keeps its own bytes after later receives reuse the scratch,
// on both sides of the scratch's size, whether the message was waiting (native receive()) or the
// receive was (the poll callback's delivery); and multipart messages, which skip the scratch.
import * as zmq from "../../lib"
import {receiveScratch} from "../../lib/core/frames"
import {closeAfterEach, inprocEndpoint} from "../helpers"

// Empty, small, and on both sides of the scratch's size and of the zero-copy threshold.
const sizes = [0, 1, 100, 4095, 4096, receiveScratch.length, receiveScratch.length + 1, 70000]

function frame(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

describe("the receive scratch", () => {
  const track = closeAfterEach()

  async function pair(): Promise<[zmq.Request, zmq.Reply]> {
    const [request, reply] = track.all(new zmq.Request(), new zmq.Reply())
    const endpoint = inprocEndpoint("scratch")
    await reply.bind(endpoint)
    request.connect(endpoint)
    return [request, reply]
  }

  it("frames received one per call keep their bytes after later receives", async () => {
    const [request, reply] = await pair()
    const requests: Buffer[] = []
    const replies: Buffer[] = []
    for (const [seed, size] of sizes.entries()) {
      await request.send(frame(size, seed))
      const [received] = await reply.receive()
      requests.push(received)
      await reply.send(frame(size, seed + 100))
      const [answer] = await request.receive()
      replies.push(answer)
    }
    expect(requests.map(part => part.length)).toEqual(sizes)
    sizes.forEach((size, seed) => {
      expect(requests[seed].equals(frame(size, seed))).toBe(true)
      expect(replies[seed].equals(frame(size, seed + 100))).toBe(true)
    })
  })

  it("a frame the poll callback delivers to a waiting receive keeps its bytes", async () => {
    const [request, reply] = await pair()
    const received: Buffer[] = []
    for (const [seed, size] of sizes.entries()) {
      // The receive waits first: the native poll callback takes the message for it.
      const waiting = reply.receive()
      await request.send(frame(size, seed))
      const [part] = await waiting
      received.push(part)
      const answered = request.receive()
      await reply.send("ok")
      expect((await answered)[0].toString()).toBe("ok")
    }
    sizes.forEach((size, seed) => expect(received[seed].equals(frame(size, seed))).toBe(true))
  })

  it("a Subscriber's one-frame and multipart messages keep their bytes", async () => {
    const [publisher, subscriber] = track.all(new zmq.Publisher(), new zmq.Subscriber())
    const endpoint = inprocEndpoint("scratch-sub")
    await publisher.bind(endpoint)
    subscriber.connect(endpoint)
    subscriber.subscribe()
    // Until the subscription has reached the publisher, what it sends is dropped.
    for (;;) {
      await publisher.send("hello")
      const hello = await subscriber.receive({timeout: 50}).catch(() => undefined)
      if (hello !== undefined) break
    }
    const messages = sizes.map((size, seed) =>
      seed % 2 === 0 ? [frame(size, seed)] : [frame(size, seed), frame(3, seed)],
    )
    for (const message of messages) await publisher.send(message)
    const received: Buffer[][] = []
    while (received.length < messages.length) {
      const message = await subscriber.receive()
      // A "hello" still in flight from the wait above.
      if (message.length !== 1 || message[0].toString() !== "hello") received.push(message)
    }
    expect(received.map(message => message.map(part => part.toString("hex")))).toEqual(
      messages.map(message => message.map(part => part.toString("hex"))),
    )
  })
})

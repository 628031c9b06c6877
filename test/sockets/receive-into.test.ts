// receiveInto(buffer): a one-frame message that fits is copied into the caller's buffer and the
// promise gives its length; any other message comes as receive() gives it, whole. What is checked:
// the bytes and the length, that nothing past the frame is written, the fallbacks (a frame longer
// than the buffer, multipart), each way a message reaches it (waiting in libzmq, read ahead into
// the inbox, delivered to a receive that waited), its order among receive() calls, TypedArray and
// DataView targets, its errors, and which socket types have it.
import * as zmq from "../../lib"
import * as draft from "../../lib/draft"
import {closeAfterEach, inprocEndpoint, ipcEndpoint} from "../helpers"

function frame(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

// A target filled with a sentinel, so that bytes written past the frame show.
function target(size: number): Buffer {
  return Buffer.alloc(size, 0xee)
}

describe("receiveInto", () => {
  const track = closeAfterEach()

  async function pipeline(endpoint = inprocEndpoint("into")): Promise<[zmq.Push, zmq.Pull]> {
    const [push, pull] = track.all(new zmq.Push(), new zmq.Pull())
    await pull.bind(endpoint)
    push.connect(endpoint)
    return [push, pull]
  }

  it("copies a one-frame message that fits and resolves with its length, on both sides of the zero-copy threshold", async () => {
    const [push, pull] = await pipeline()
    const sizes = [0, 1, 8191, 8192, 70000, 1 << 20]
    const buffer = target((1 << 20) + 16)
    for (const [seed, size] of sizes.entries()) {
      buffer.fill(0xee)
      await push.send(frame(size, seed))
      expect(await pull.receiveInto(buffer)).toBe(size)
      expect(buffer.subarray(0, size).equals(frame(size, seed))).toBe(true)
      expect(buffer.subarray(size).every(byte => byte === 0xee)).toBe(true)
    }
  })

  it("gives a frame longer than the buffer, and a multipart message, whole, as receive() does", async () => {
    const [push, pull] = await pipeline()
    const buffer = target(100)
    await push.send(frame(101, 1))
    await push.send([frame(10, 2), frame(20, 3)])
    await push.send(frame(100, 4))
    const long = await pull.receiveInto(buffer)
    expect(Array.isArray(long)).toBe(true)
    expect((long as Buffer[]).map(part => part.equals(frame(101, 1)))).toEqual([true])
    expect(buffer.every(byte => byte === 0xee)).toBe(true)
    const multipart = (await pull.receiveInto(buffer)) as Buffer[]
    expect(multipart.map(part => part.toString("hex"))).toEqual(
      [frame(10, 2), frame(20, 3)].map(part => part.toString("hex")),
    )
    expect(buffer.every(byte => byte === 0xee)).toBe(true)
    expect(await pull.receiveInto(buffer)).toBe(100)
    expect(buffer.equals(frame(100, 4))).toBe(true)
  })

  it("takes messages read ahead and the ones the poll callback brings, in order among receive() calls", async () => {
    const [push, pull] = await pipeline(ipcEndpoint("into"))
    // Waiting first: delivered as each arrives.
    const buffer = target(70000)
    const waiting = [pull.receive(), pull.receiveInto(buffer), pull.receive()]
    await push.send("first")
    await push.send(frame(70000, 5))
    await push.send("third")
    const [first, second, third] = await Promise.all(waiting)
    expect((first as Buffer[]).map(String)).toEqual(["first"])
    expect(second).toBe(70000)
    expect(buffer.equals(frame(70000, 5))).toBe(true)
    expect((third as Buffer[]).map(String)).toEqual(["third"])

    // Waiting in libzmq: the first receive() reads several ahead into the inbox.
    const sent = [0, 1, 2, 3, 4].map(seed => frame(3000, seed))
    for (const message of sent) await push.send(message)
    while (!pull.readable) await new Promise(resolve => setTimeout(resolve, 5))
    await new Promise(resolve => setTimeout(resolve, 50))
    const [head] = await pull.receive()
    expect(head.equals(sent[0])).toBe(true)
    for (const message of sent.slice(1)) {
      const small = target(3000)
      expect(await pull.receiveInto(small)).toBe(3000)
      expect(small.equals(message)).toBe(true)
    }
  })

  it("writes where a TypedArray or DataView looks, counted in bytes", async () => {
    const [push, pull] = await pipeline()
    const memory = new ArrayBuffer(32)
    new Uint8Array(memory).fill(0xee)
    await push.send(frame(8, 7))
    expect(await pull.receiveInto(new Uint16Array(memory, 4, 4))).toBe(8)
    expect(Buffer.from(memory, 4, 8).equals(frame(8, 7))).toBe(true)
    await push.send(frame(6, 8))
    expect(await pull.receiveInto(new DataView(memory, 20, 6))).toBe(6)
    expect(Buffer.from(memory, 20, 6).equals(frame(6, 8))).toBe(true)
    const bytes = new Uint8Array(memory)
    for (const index of [0, 1, 2, 3, 12, 13, 19, 26, 31]) expect(bytes[index]).toBe(0xee)
  })

  it("has receive()'s errors, and a TypeError naming buffer", async () => {
    const [, pull] = await pipeline()
    const bad: [unknown, string][] = [
      [undefined, "undefined undefined"],
      ["text", "string text"],
      [12, "number 12"],
      [new ArrayBuffer(8), "an instance of ArrayBuffer"],
      [[1, 2], "an array"],
    ]
    for (const [value, described] of bad) {
      await expect(pull.receiveInto(value as never)).rejects.toThrow(
        new TypeError(
          `The "buffer" argument must be a Buffer, TypedArray or DataView; received ${described}`,
        ),
      )
    }
    await expect(pull.receiveInto(target(8), {timeout: 20})).rejects.toMatchObject({code: "EAGAIN"})
    const request = track(new zmq.Request())
    await expect(request.receiveInto(target(8))).rejects.toMatchObject({code: "EFSM"})
    pull.close()
    expect(() => pull.receiveInto(target(8))).toThrow(expect.objectContaining({code: "EBADF"}))
  })

  it("exists where messages are plain frames, a draft Gather's too, and nowhere else", async () => {
    const [scatter, gather] = track.all(new draft.Scatter(), new draft.Gather())
    const endpoint = inprocEndpoint("into-gather")
    await gather.bind(endpoint)
    scatter.connect(endpoint)
    await scatter.send(frame(9000, 9))
    const buffer = target(9000)
    expect(await gather.receiveInto(buffer)).toBe(9000)
    expect(buffer.equals(frame(9000, 9))).toBe(true)
    const has = (socket: zmq.Socket) =>
      typeof (socket as unknown as {receiveInto?: unknown}).receiveInto === "function"
    const without = track.all(
      new zmq.Push(),
      new zmq.Publisher(),
      new draft.Server(),
      new draft.Dish(),
      new draft.Datagram(),
    )
    expect(without.map(has)).toEqual([false, false, false, false, false])
    const withIt = track.all(
      new zmq.Pull(),
      new zmq.Subscriber(),
      new zmq.Dealer(),
      new zmq.Router(),
      new draft.Client(),
    )
    expect(withIt.map(has)).toEqual([true, true, true, true, true])
  })
})

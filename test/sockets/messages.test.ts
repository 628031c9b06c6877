// Every kind of message send() accepts arrives byte-exact, small and large (the zero-copy
// path), and anything else is a TypeError naming the argument.
import * as zmq from "../../lib"
import {closeAfterEach} from "../helpers"
import {link, transports, type Transport} from "./helpers"

const large = 64 * 1024

/** Bytes 0..255 repeated: not valid UTF-8, so any text conversion on the way would show. */
function binary(length: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = (i * 7 + 0x80) & 0xff
  return bytes
}

function viewBytes(view: ArrayBufferView | ArrayBuffer | SharedArrayBuffer): Buffer {
  if (ArrayBuffer.isView(view)) return Buffer.from(view.buffer, view.byteOffset, view.byteLength)
  return Buffer.from(view as ArrayBuffer)
}

// [name, message, the bytes expected on the wire]
function cases(size: number): [string, zmq.MessageLike, Buffer][] {
  const bytes = binary(size)
  const copy = () => new Uint8Array(bytes).buffer
  const shared = new SharedArrayBuffer(size)
  new Uint8Array(shared).set(bytes)
  const list: [string, zmq.MessageLike, Buffer][] = [
    ["Buffer", Buffer.from(bytes), bytes],
    ["ArrayBuffer", copy(), bytes],
    ["SharedArrayBuffer", shared, bytes],
    ["DataView", new DataView(copy()), bytes],
    ["Buffer slice with an offset", Buffer.concat([Buffer.from("xx"), bytes]).subarray(2), bytes],
  ]
  const typed = [
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  ]
  for (const Type of typed) {
    const array = new Type(copy(), 0, size / Type.BYTES_PER_ELEMENT)
    list.push([Type.name, array, viewBytes(array)])
  }
  return list
}

describe.each(transports)("messages over %s", (transport: Transport) => {
  const use = closeAfterEach()
  let push: zmq.Push
  let pull: zmq.Pull

  beforeEach(async () => {
    pull = use(new zmq.Pull())
    push = use(new zmq.Push())
    await link(transport, pull, push)
  })

  it.each([
    ["a string", "héllo ✓", Buffer.from("héllo ✓")],
    ["an empty string", "", Buffer.alloc(0)],
    ["a number", 42.5, Buffer.from("42.5")],
    ["null", null, Buffer.alloc(0)],
  ] as [string, zmq.MessageLike, Buffer][])("%s", async (_name, message, expected) => {
    await push.send(message)
    expect(await pull.receive()).toEqual([expected])
  })

  it.each(cases(64))("small %s", async (_name, message, expected) => {
    await push.send(message)
    const [frame] = await pull.receive()
    expect(Buffer.compare(frame, expected)).toBe(0)
  })

  it.each(cases(large))("large %s (zero-copy path)", async (_name, message, expected) => {
    await push.send(message)
    const [frame] = await pull.receive()
    expect(frame.length).toBe(expected.length)
    expect(Buffer.compare(frame, expected)).toBe(0)
  })

  it("a multipart message mixing every kind", async () => {
    const parts = cases(large).map(([, message]) => message)
    const expected = cases(large).map(([, , bytes]) => bytes)
    await push.send(["text", 7, null, ...parts])
    const frames = await pull.receive()
    expect(frames.map(f => f.toString("hex"))).toEqual(
      [Buffer.from("text"), Buffer.from("7"), Buffer.alloc(0), ...expected].map(f => f.toString("hex")),
    )
  })
})

describe("bad messages", () => {
  const use = closeAfterEach()

  it.each([
    ["message", undefined],
    ["message", {}],
    ["message", true],
    ["message", Symbol("x")],
    ["message", () => undefined],
    ["message[2]", ["a", "b", {}]],
    ["message[0]", [undefined]],
  ])("a TypeError naming %s", async (name, message) => {
    const push = use(new zmq.Push())
    await expect(push.send(message as never)).rejects.toThrow(TypeError)
    await expect(push.send(message as never)).rejects.toThrow(`"${name}"`)
  })

  it("an empty array is a TypeError", async () => {
    const push = use(new zmq.Push())
    await expect(push.send([])).rejects.toThrow(TypeError)
    await expect(push.send([])).rejects.toThrow(/"message".*empty array/)
  })

  it("a bad message does not disturb the messages around it", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link("inproc", pull, push)
    const results = await Promise.allSettled([push.send("1"), push.send({} as never), push.send("2")])
    expect(results.map(r => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"])
    expect((await pull.receive())[0].toString()).toBe("1")
    expect((await pull.receive())[0].toString()).toBe("2")
  })

  it("sendMany names the bad message", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link("inproc", pull, push)
    await expect(push.sendMany(["a", ["b", {} as never]])).rejects.toThrow(`"messages[1][1]"`)
  })
})

// Every kind of message send() accepts arrives byte-exact, small and large (the zero-copy
// path); other values are sent as their text, and what has none is a TypeError thrown at once,
// as zeromq v6 does.
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

describe("unusual messages, as zeromq v6 sends them", () => {
  const use = closeAfterEach()

  // Any other value is sent as its text (as `${value}` converts it).
  it.each([
    ["true", true, ["true"]],
    ["an object", {a: 1}, ["[object Object]"]],
    ["an object with toString", {toString: () => "custom"}, ["custom"]],
    ["a bigint", BigInt(-7), ["-7"]],
    ["undefined within an array", ["a", undefined], ["a", "undefined"]],
    ["a nested array", [["a", ["b"]], 1], ["a,b", "1"]],
  ])("%s", async (_name, message, expected) => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link("inproc", pull, push)
    await push.send(message as never)
    expect((await pull.receive()).map(frame => frame.toString())).toEqual(expected)
  })

  // Thrown at once, as zeromq v6 does: nothing is sent.
  it.each([
    ["no message", [], "Message must be present"],
    ["undefined", [undefined], "Message must be present"],
    ["a Symbol", [Symbol("x")], "Cannot convert a Symbol value to a string"],
    ["a Symbol within an array", [["a", Symbol("x")]], "Cannot convert a Symbol value to a string"],
    ["an object without toString", [Object.create(null)], "Cannot convert object to primitive value"],
    ["an empty array", [[]], /"message".*empty array/],
    ["extra arguments", ["x", {}, 3], "Expected 1 argument but received 3"],
    ["extra arguments after undefined", [undefined, {}, 3], "Message must be present"],
  ])("%s is a TypeError thrown at once", (_name, args, message) => {
    const push = use(new zmq.Push())
    const send = push.send as (...args: unknown[]) => Promise<void>
    expect(() => send.apply(push, args)).toThrow(TypeError)
    expect(() => send.apply(push, args)).toThrow(message)
  })

  it("a toString that throws: its error, thrown at once", () => {
    const push = use(new zmq.Push())
    const error = new RangeError("no text")
    expect(() =>
      push.send({
        toString: () => {
          throw error
        },
      } as never),
    ).toThrow(error)
  })

  it("a bad message does not disturb the messages around it", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link("inproc", pull, push)
    const first = push.send("1")
    expect(() => push.send(Symbol("x") as never)).toThrow(TypeError)
    const second = push.send("2")
    await Promise.all([first, second])
    expect((await pull.receive())[0].toString()).toBe("1")
    expect((await pull.receive())[0].toString()).toBe("2")
  })

  it("a message queued behind another is converted when send() is called", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    const first = push.send("first")
    let text = "at the call"
    const second = push.send({toString: () => text} as never)
    text = "later"
    expect(() => push.send(Symbol("x") as never)).toThrow("Cannot convert a Symbol value to a string")
    await link("inproc", pull, push)
    await Promise.all([first, second])
    expect((await pull.receive())[0].toString()).toBe("first")
    expect((await pull.receive())[0].toString()).toBe("at the call")
  })

  it("sendMany names the bad message", async () => {
    const pull = use(new zmq.Pull())
    const push = use(new zmq.Push())
    await link("inproc", pull, push)
    await expect(push.sendMany(["a", []])).rejects.toThrow(/"messages\[1\]".*empty array/)
  })
})

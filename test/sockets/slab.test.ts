// The receive slab: the one wire format shared by C++ and TypeScript (laid out in
// native/message.h, FramesToSlab; cut by lib/core/frames.ts, decodeSlab). Decoded from a slab
// written by hand to the documented layout, and round-tripped for real: frames sent through
// libzmq come back from native receiveBatch and decodeSlab with the same bytes and boundaries.
import {binding} from "../../lib/native"
import {decodeSlab} from "../../lib/core/frames"
import {ZMQ_LINGER, ZMQ_PULL, ZMQ_PUSH} from "../../lib/generated/zmq"
import {inprocEndpoint} from "../helpers"

// Frame sizes on both sides of the native zero-copy threshold (8 KiB), empty ones included.
const sizes = [0, 1, 100, 8191, 8192, 9000, 70000]

function frame(size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

describe("the receive slab", () => {
  it("decodes the documented layout: count, entries (length << 1 | more, or -1 - more), bytes", () => {
    const copied = [Buffer.from("ab"), Buffer.from(""), Buffer.from("xyz")]
    const large = [Buffer.from("LARGE")]
    // Messages: ["ab", LARGE] (the large frame in `large`), [""], ["xyz"].
    const entries = [4, (2 << 1) | 1, -1, 0 << 1, 3 << 1]
    const slab = Buffer.concat([Buffer.from(new Int32Array(entries).buffer), ...copied])
    const slots = [...large]
    const messages = decodeSlab(slab, slots)
    expect(messages.map(message => message.map(part => part.toString()))).toEqual([
      ["ab", "LARGE"],
      [""],
      ["xyz"],
    ])
    expect(slots).toEqual([undefined])
    // Copied frames are views of the slab, not copies.
    expect(messages[0][0].buffer).toBe(slab.buffer)
  })

  it("round-trips frames of every size and multipart boundaries through native receiveBatch", async () => {
    const endpoint = inprocEndpoint("slab")
    let wake: () => void = () => undefined
    const onReady = () => wake()
    const pull = new binding.Socket(binding.context, ZMQ_PULL, onReady)
    const push = new binding.Socket(binding.context, ZMQ_PUSH, onReady)
    try {
      for (const socket of [pull, push]) socket.setInt32(ZMQ_LINGER, 0)
      pull.bind(endpoint)
      push.connect(endpoint)
      const sent: Buffer[][] = []
      sizes.forEach((size, index) => {
        sent.push([frame(size, index)])
        sent.push([
          frame(size, index + 1),
          frame(sizes[(index + 3) % sizes.length], index + 2),
          Buffer.alloc(0),
        ])
      })
      for (const message of sent) expect(push.send(message)).toBe(1)
      const received: Buffer[][] = []
      const large: Buffer[] = []
      pull.watch()
      while (received.length < sent.length) {
        const slab = pull.receiveBatch(5, large)
        if (slab === undefined) {
          await new Promise<void>(resolve => (wake = resolve))
          continue
        }
        received.push(...decodeSlab(slab, large))
        expect(large.every(slot => slot === undefined)).toBe(true)
      }
      pull.unwatch()
      expect(received.map(message => message.map(part => part.length))).toEqual(
        sent.map(message => message.map(part => part.length)),
      )
      // Byte for byte (Buffer.equals: jest's deep equality walks 70 kB frames slowly).
      const differing = received.flatMap((message, i) =>
        message.filter((part, j) => !part.equals(sent[i][j])),
      )
      expect(differing).toEqual([])
    } finally {
      pull.close()
      push.close()
    }
  })
})

// Frames in JS: what send() accepts and how the slow path converts it, and the decoding of the
// receive slab — the TypeScript twin of native/message.cc's FramesToSlab, whose byte layout is
// documented once, in native/message.h (test/sockets/slab.test.ts round-trips it).
import {Buffer} from "node:buffer"
import {isArrayBuffer, isSharedArrayBuffer} from "node:util/types"
import {binding} from "../native"

/** A received message frame. */
export type Message = Buffer

/**
 * What send() accepts as one frame. Numbers are sent as their decimal text; at run time any other
 * value is sent as its text too, as zeromq v6 does (true as "true", an object as its toString()).
 */
export type MessageLike = ArrayBufferView | ArrayBuffer | SharedArrayBuffer | string | number | null

// The class Buffers are made of (Buffer's species), for views of a slab: Buffer.from(memory,
// offset, length) checks its arguments again and reaches the global Buffer through a getter,
// which showed in profiles of a receiver cutting a slab into many small frames.
const FastBuffer = (
  Buffer as unknown as {
    [Symbol.species]: new (memory: ArrayBufferLike, offset: number, length: number) => Buffer
  }
)[Symbol.species]

/**
 * The messages of one slab: the frames copied into it become views of its memory; each large
 * frame (a zero-copy Buffer of its own) is taken from `large` in order, and its slot emptied.
 */
export function decodeSlab(slab: Buffer, large: Buffer[]): Message[][] {
  const memory = slab.buffer
  const entries = new Int32Array(memory, slab.byteOffset, slab.length >>> 2)
  const count = entries[0]
  let offset = slab.byteOffset + 4 * (count + 1)
  let taken = 0
  const messages: Message[][] = []
  // The frames of a multipart message so far; single-frame messages never need it.
  let frames: Message[] | undefined
  for (let i = 1; i <= count; i++) {
    const entry = entries[i]
    let frame: Buffer
    let more: boolean
    if (entry >= 0) {
      const length = entry >>> 1
      frame = new FastBuffer(memory, offset, length)
      offset += length
      more = (entry & 1) !== 0
    } else {
      frame = large[taken]
      large[taken++] = undefined as unknown as Buffer
      more = entry === -2
    }
    if (frames !== undefined) {
      frames.push(frame)
      if (!more) {
        messages.push(frames)
        frames = undefined
      }
    } else if (more) {
      frames = [frame]
    } else {
      messages.push([frame])
    }
  }
  return messages
}

/**
 * Where native receive() copies a small one-frame message (each native socket is given it): one
 * per thread, as this module is, and read at once by framesOf. A frame taken from here costs a
 * pooled Buffer.allocUnsafe; one the native layer made costs a backing store of its own and
 * V8's slow paths (~8,000 instructions per REQ/REP round trip under callgrind). Its size is the
 * largest frame the native layer copies.
 */
export const receiveScratch = Buffer.allocUnsafeSlow(binding.largestCopiedFrame)

/**
 * A message as native receive() gives it as its frames: a one-frame message as its frame, or as
 * its length when it was copied into receiveScratch.
 */
export function framesOf(received: Buffer | Buffer[] | number): Message[] {
  if (typeof received === "number") {
    const frame = Buffer.allocUnsafe(received)
    receiveScratch.copy(frame, 0, 0, received)
    return [frame]
  }
  return Array.isArray(received) ? received : [received]
}

// A frame the native layer takes as it is: text, bytes, or null (an empty frame). Cross-realm
// ArrayBuffers too (util.types), as the native layer takes them.
function sendableFrame(frame: unknown): unknown {
  if (typeof frame === "string" || frame === null || ArrayBuffer.isView(frame) || isArrayBuffer(frame))
    return frame
  if (isSharedArrayBuffer(frame)) return new Uint8Array(frame)
  // Anything else is its text, as zeromq v6 sends it: numbers in decimal, true as "true", an
  // object as its toString() says, an array as its elements joined by commas. A template
  // literal converts as v6 does (a Symbol or an object without toString throws a TypeError).
  return `${frame as string}`
}

/**
 * `message` in a form the native layer takes: each frame that is not text or bytes becomes its
 * text (numbers, booleans, objects, undefined within an array…). Throws what converting throws,
 * and a TypeError naming `name` for an empty array.
 */
export function sendable(message: unknown, name = "message"): unknown {
  if (!Array.isArray(message)) return sendableFrame(message)
  if (message.length === 0) throw new TypeError(`The "${name}" argument must not be an empty array`)
  let frames: unknown[] | undefined
  for (let i = 0; i < message.length; i++) {
    const frame: unknown = message[i]
    const converted = sendableFrame(frame)
    if (converted !== frame) (frames ??= message.slice())[i] = converted
  }
  return frames ?? message
}

/** zeromq v6's error for send() without a message (or with undefined). */
export function missingMessage(): TypeError {
  return new TypeError("Message must be present")
}

/**
 * zeromq v6's error for send() given more arguments than it takes (`expected`: the message, and
 * the options where the socket type needs them); checked after the message, as v6 does.
 */
export function sendArgumentsError(message: unknown, count: number, expected: number): TypeError {
  if (message === undefined) return missingMessage()
  return new TypeError(`Expected ${expected} argument${expected === 1 ? "" : "s"} but received ${count}`)
}

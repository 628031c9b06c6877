// Frames in JS: what send() accepts and how the slow path normalises it, and the decoding of the
// receive slab — the TypeScript twin of native/message.cc's FramesToSlab, whose byte layout is
// documented once, in native/message.h (test/sockets/slab.test.ts round-trips it).
import {Buffer} from "node:buffer"
import {typeError} from "../errors"

/** A received message frame. */
export type Message = Buffer

/** What send() accepts as one frame. Numbers are sent as their decimal text (as zeromq v6 does). */
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

/** A message as native receive() gives it (a one-frame message as its frame) as its frames. */
export function framesOf(received: Buffer | Buffer[]): Message[] {
  return Array.isArray(received) ? received : [received]
}

// The slow path for frames the native layer does not take directly: numbers become text,
// SharedArrayBuffers get a view. Undefined when the frame is unsendable.
function normalizeFrame(frame: unknown): unknown {
  if (typeof frame === "number") return String(frame)
  if (typeof SharedArrayBuffer !== "undefined" && frame instanceof SharedArrayBuffer)
    return new Uint8Array(frame)
  if (
    frame === null ||
    typeof frame === "string" ||
    ArrayBuffer.isView(frame) ||
    frame instanceof ArrayBuffer
  )
    return frame
  return undefined
}

/**
 * A message the native layer refused (a frame of a type it does not take) in a form it takes,
 * or undefined when it holds something unsendable (then frameTypeError() says what).
 */
export function normalizeMessage(message: unknown): unknown {
  if (!Array.isArray(message)) return normalizeFrame(message)
  if (message.length === 0) return undefined
  const frames = message.map(normalizeFrame)
  return frames.includes(undefined) ? undefined : frames
}

/** The TypeError for a message normalizeMessage() could not make sendable. */
export function frameTypeError(message: unknown, name = "message"): TypeError {
  const expected = "a string, number, null, Buffer, TypedArray, DataView, ArrayBuffer or SharedArrayBuffer"
  if (Array.isArray(message)) {
    if (message.length === 0) return new TypeError(`The "${name}" argument must not be an empty array`)
    const index = message.findIndex(frame => normalizeFrame(frame) === undefined)
    return typeError(`${name}[${index}]`, expected, message[index])
  }
  return typeError(name, expected, message)
}

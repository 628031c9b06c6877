// How each frame shape of lib/socket-types.ts meets the native layer: the codec the engine
// (lib/core/engine.ts) calls to try one send, and to take one received message where a message
// is more than its frames. Draft sockets differ from the others only here.
import {SendResult, type NativeSocket} from "../native"
import {describe, errnoError, v6Words} from "../errors"
import type {FrameShape} from "../socket-types"
import type {Message} from "./frames"
import type {OperationOptions} from "./pending"

export interface Codec {
  /** Throws what is wrong with send()'s options at once (zeromq v6 throws, not rejects). */
  check?(options: unknown): unknown
  /** One attempt to queue `message` (with the call's options, which may address it). */
  send(native: NativeSocket, message: unknown, options: OperationOptions | undefined): SendResult
  /**
   * One message ready now, or undefined. Absent: messages are their frames, read in batches
   * (native receiveBatch, decoded by lib/core/frames.ts).
   */
  receive?(native: NativeSocket): unknown
  /** Whether sendMany may hand a whole chunk of messages to one native call (plain frames). */
  readonly sendsMany: boolean
}

/** Where a Server or Peer message goes to or came from. */
export interface Routing {
  /** The peer's routing id: libzmq's number for the connection, 1 to 2^32-1. */
  routingId: number
}

/** Server.send / Peer.send options: the routing id is required. */
export interface RoutedSendOptions extends OperationOptions, Routing {}

/** Radio.send options: the group is required. */
export interface GroupSendOptions extends OperationOptions {
  /** The group the message goes to (at most 255 bytes). */
  group: string | Buffer
}

/** What a Dish receives beside the frame. */
export interface GroupInfo {
  /** The group the message was sent to. */
  group: Buffer
}

// Draft sockets move one frame per message: a lone frame, or an array holding exactly one.
function singleFrame(message: unknown): unknown {
  if (!Array.isArray(message)) return message
  if (message.length === 1) return message[0]
  throw new TypeError(
    `The "message" argument must be a single frame; draft sockets do not send multipart messages (received ${message.length} frames)`,
  )
}

// The send options' checks, as zeromq v6 makes them (its words first, then ours): thrown by
// send() itself, as v6's are, and again by each attempt (sendMany's messages share them).
function routedOptions(options: unknown): object {
  if (options === null || (typeof options !== "object" && typeof options !== "function"))
    throw new TypeError(`${v6Words.options} (got ${describe(options)})`)
  return options
}

function routingIdOf(options: unknown): number {
  const routingId = (routedOptions(options) as Partial<Routing>).routingId
  if (routingId === undefined) throw errnoError("EINVAL", "Invalid argument (options.routingId is missing)")
  if (typeof routingId !== "number")
    throw new TypeError(`${v6Words.number} (options.routingId: got ${describe(routingId)})`)
  if (!Number.isInteger(routingId) || routingId < 1 || routingId > 0xffffffff) {
    throw new RangeError(
      `The "options.routingId" argument must be an integer from 1 to 4294967295; received ${routingId}`,
    )
  }
  return routingId
}

/**
 * A group as libzmq takes it: a string (its UTF-8) or a Buffer's bytes, without NUL. Its length
 * is libzmq's to check: zmq_join refuses more than 255 bytes (EINVAL), and a message's group is
 * cut to its first 255 bytes (zmq_msg_set_group), as with zeromq v6.
 */
export function groupOf(value: unknown, argument: string): string | Buffer {
  if (typeof value !== "string" && !Buffer.isBuffer(value))
    throw new TypeError(`${v6Words.stringOrBuffer} (${argument}: got ${describe(value)})`)
  if (typeof value === "string" ? value.includes("\0") : value.includes(0))
    throw new RangeError(`The "${argument}" argument must not contain NUL characters`)
  return value
}

function sendGroupOf(options: unknown): string | Buffer {
  const group = (routedOptions(options) as Partial<GroupSendOptions>).group
  if (group === undefined) throw errnoError("EINVAL", "Invalid argument (options.group is missing)")
  return groupOf(group, "options.group")
}

const multipart: Codec = {
  send: (native, message) => native.send(message),
  sendsMany: true,
}

const single: Codec = {
  send: (native, message) => native.send(singleFrame(message)),
  sendsMany: false,
}

// libzmq hands over the routing id or group with each message, so these read one at a time.
const routed: Codec = {
  check: routingIdOf,
  send: (native, message, options) =>
    native.sendRouted(singleFrame(message), routingIdOf(options), undefined),
  receive(native) {
    const received = native.receiveRouted()
    if (received === undefined) return undefined
    return [received[0], {routingId: received[1]} satisfies Routing] as [Message, Routing]
  },
  sendsMany: false,
}

const group: Codec = {
  check: sendGroupOf,
  send(native, message, options) {
    return native.sendRouted(singleFrame(message), 0, sendGroupOf(options))
  },
  receive(native) {
    const received = native.receiveRouted()
    if (received === undefined) return undefined
    return [received[0], {group: Buffer.from(received[2] ?? "")} satisfies GroupInfo] as [Message, GroupInfo]
  },
  sendsMany: false,
}

/** The codec of each frame shape. A datagram is a two-frame multipart message. */
export const codecs: Record<FrameShape, Codec> = {multipart, single, routed, group, datagram: multipart}

// The draft socket types of libzmq 4.3 (`zmq-native/draft`), named and shaped as in zeromq v6's
// `zeromq/draft`, plus Peer and Channel. All but Datagram are thread-safe sockets that move one
// frame per message; Server and Peer address peers by a numeric routing id, Radio and Dish by
// group. Their routing id or group travels beside the frame: as send options, and as the second
// element of what receive() gives.
import {Socket, type Message, type MessageLike, type OperationOptions} from "./socket"
import {Readable, Writable} from "./mixins"
import {defineSocketOptions, type SocketKind, type SocketOptionProperties} from "./options"
import {SendResult} from "./native"
import {checkString, typeError} from "./errors"
import type {Options} from "./sockets"

export const enum DraftSocketType {
  Server = 12,
  Client = 13,
  Radio = 14,
  Dish = 15,
  Gather = 16,
  Scatter = 17,
  Datagram = 18,
  Peer = 19,
  Channel = 20,
}

/** The longest group name libzmq accepts, in bytes (ZMQ_GROUP_MAX_LENGTH). */
export const groupMaxLength = 255

/** Where a Server or Peer message goes to or came from. */
export interface Routing {
  /** The peer's routing id: libzmq's number for the connection, 1 to 2^32-1. */
  routingId: number
}

/** Server.send / Peer.send options: the routing id is required. */
export interface RoutedSendOptions extends OperationOptions, Routing {}

/** Radio.send options: the group is required. */
export interface GroupSendOptions extends OperationOptions {
  group: string | Buffer
}

/** What a Dish receives beside the frame. */
export interface GroupInfo {
  group: Buffer
}

// Draft sockets move one frame per message: a lone frame, or an array holding exactly one.
function singleFrame(message: unknown): unknown {
  if (!Array.isArray(message) || message.length !== 1) {
    if (Array.isArray(message)) {
      throw new TypeError(
        `The "message" argument must be a single frame; draft sockets do not send multipart messages (received ${message.length} frames)`,
      )
    }
    return message
  }
  return message[0]
}

function routingIdOf(options: unknown): number {
  const routingId = (options as Partial<Routing> | undefined)?.routingId
  if (typeof routingId !== "number") throw typeError("options.routingId", "a number", routingId)
  if (!Number.isInteger(routingId) || routingId < 1 || routingId > 0xffffffff) {
    throw new RangeError(
      `The "options.routingId" argument must be an integer from 1 to 4294967295; received ${routingId}`,
    )
  }
  return routingId
}

/** A group name as libzmq takes it: text of at most 255 bytes without NUL (Buffers are read as UTF-8). */
function groupOf(value: unknown, argument: string): string {
  if (typeof value !== "string" && !Buffer.isBuffer(value))
    throw typeError(argument, "a string or a Buffer", value)
  const group = typeof value === "string" ? value : value.toString()
  const length = Buffer.byteLength(group)
  if (length > groupMaxLength) {
    throw new RangeError(
      `The "${argument}" argument must be a group name of at most ${groupMaxLength} bytes; received ${length} bytes`,
    )
  }
  if (group.includes("\0")) throw new RangeError(`The "${argument}" argument must not contain NUL characters`)
  return group
}

/** Thread-safe draft sockets: one frame per message; a multipart array is a TypeError. */
abstract class SingleFrameSocket extends Socket {
  protected trySend(message: unknown, _options?: OperationOptions): SendResult {
    return this.nativeSocket.send(singleFrame(message))
  }
}

/** Draft sockets whose messages carry an address (routing id or group) beside the frame. */
abstract class AddressedSocket extends SingleFrameSocket {
  // libzmq hands over the address with each message, so batches go one message at a time.
  protected tryReceiveMany(max: number): unknown[] {
    const messages: unknown[] = []
    while (messages.length < max) {
      const message = this.tryReceive()
      if (message === undefined) break
      messages.push(message)
    }
    return messages
  }
}

/** Server and Peer: send to a routing id, receive with the sender's routing id. */
abstract class RoutedSocket extends AddressedSocket {
  protected trySend(message: unknown, options?: OperationOptions): SendResult {
    return this.nativeSocket.sendRouted(singleFrame(message), routingIdOf(options), undefined)
  }

  protected tryReceive(): unknown {
    const received = this.nativeSocket.receiveRouted()
    if (received === undefined) return undefined
    return [received[0], {routingId: received[1]} satisfies Routing]
  }
}

const RoutedWritable = Writable<typeof RoutedSocket, MessageLike, [RoutedSendOptions]>(RoutedSocket)
const Routed = Readable<typeof RoutedWritable, [Message, Routing]>(RoutedWritable)
const SingleFrameWritable = Writable<typeof SingleFrameSocket, MessageLike | [MessageLike]>(SingleFrameSocket)
const SingleFrameDuplex = Readable(SingleFrameWritable)
const DatagramWritable = Writable<typeof Socket, [MessageLike, MessageLike]>(Socket)

export interface Server extends SocketOptionProperties<"Server"> {}
/** Answers many Clients: each received message names its Client's routing id; replies give it back. */
export class Server extends Routed {
  constructor(options?: Options<"Server">) {
    super(DraftSocketType.Server, "Server", options)
  }
}

export interface Client extends SocketOptionProperties<"Client"> {}
/** Talks to Servers: sends round-robin, receives fair-queued, one frame per message. */
export class Client extends SingleFrameDuplex {
  constructor(options?: Options<"Client">) {
    super(DraftSocketType.Client, "Client", options)
  }
}

abstract class RadioSocket extends SingleFrameSocket {
  protected trySend(message: unknown, options?: OperationOptions): SendResult {
    const group = groupOf((options as Partial<GroupSendOptions> | undefined)?.group, "options.group")
    return this.nativeSocket.sendRouted(singleFrame(message), 0, group)
  }
}

export interface Radio extends SocketOptionProperties<"Radio"> {}
/** Sends each message to a group; Dishes that joined it receive it (tcp, inproc, udp). */
export class Radio extends Writable<typeof RadioSocket, MessageLike, [GroupSendOptions]>(RadioSocket) {
  constructor(options?: Options<"Radio">) {
    super(DraftSocketType.Radio, "Radio", options)
  }
}

abstract class DishSocket extends AddressedSocket {
  protected tryReceive(): unknown {
    const received = this.nativeSocket.receiveRouted()
    if (received === undefined) return undefined
    return [received[0], {group: Buffer.from(received[2] ?? "")} satisfies GroupInfo]
  }
}

export interface Dish extends SocketOptionProperties<"Dish"> {}
/** Receives what Radios send to the groups it joined, with the group beside each frame. */
export class Dish extends Readable<typeof DishSocket, [Message, GroupInfo]>(DishSocket) {
  constructor(options?: Options<"Dish">) {
    super(DraftSocketType.Dish, "Dish", options)
  }

  /** Starts receiving messages sent to these groups (each at most 255 bytes). */
  join(...groups: (string | Buffer)[]): void {
    const names = groups.map((group, index) => groupOf(group, `groups[${index}]`))
    for (const name of names) this.nativeSocket.join(name)
  }

  /** Stops receiving the groups' messages; a group not joined is an EINVAL error. */
  leave(...groups: (string | Buffer)[]): void {
    const names = groups.map((group, index) => groupOf(group, `groups[${index}]`))
    for (const name of names) this.nativeSocket.leave(name)
  }
}

export interface Gather extends SocketOptionProperties<"Gather"> {}
/** Receives from Scatters, fair-queued, one frame per message (a thread-safe Pull). */
export class Gather extends Readable(SingleFrameSocket) {
  constructor(options?: Options<"Gather">) {
    super(DraftSocketType.Gather, "Gather", options)
  }
}

export interface Scatter extends SocketOptionProperties<"Scatter"> {}
/** Sends to Gathers, round-robin, one frame per message (a thread-safe Push). */
export class Scatter extends SingleFrameWritable {
  constructor(options?: Options<"Scatter">) {
    super(DraftSocketType.Scatter, "Scatter", options)
  }
}

export interface Datagram extends SocketOptionProperties<"Datagram"> {}
/**
 * Plain UDP datagrams (udp:// only): every message is [address, data], the address being the
 * peer's "ip:port" — where a received datagram came from, where a sent one goes.
 */
export class Datagram extends Readable<typeof DatagramWritable, [Message, Message]>(DatagramWritable) {
  constructor(options?: Options<"Datagram">) {
    super(DraftSocketType.Datagram, "Datagram", options)
  }
}

export interface Peer extends SocketOptionProperties<"Peer"> {}
/**
 * Many-to-many with routing ids, both ways: connect() returns the new peer's routing id, so a
 * Peer can send to a peer before hearing from it; received messages name their sender.
 */
export class Peer extends Routed {
  constructor(options?: Options<"Peer">) {
    super(DraftSocketType.Peer, "Peer", options)
  }

  /** Connects and returns the routing id to send to this peer with. */
  connect(address: string): number {
    checkString("address", address)
    return this.nativeSocket.connectPeer(address)
  }
}

export interface Channel extends SocketOptionProperties<"Channel"> {}
/** Exclusive one-to-one, bidirectional, one frame per message (a thread-safe Pair). */
export class Channel extends SingleFrameDuplex {
  constructor(options?: Options<"Channel">) {
    super(DraftSocketType.Channel, "Channel", options)
  }
}

const kinds: [abstract new (...args: never[]) => Socket, SocketKind][] = [
  [Server, "Server"],
  [Client, "Client"],
  [Radio, "Radio"],
  [Dish, "Dish"],
  [Gather, "Gather"],
  [Scatter, "Scatter"],
  [Datagram, "Datagram"],
  [Peer, "Peer"],
  [Channel, "Channel"],
]
for (const [cls, kind] of kinds) defineSocketOptions(cls.prototype, kind)

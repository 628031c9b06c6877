// The standard socket types of libzmq 4.3, named as in zeromq v6.
import {Socket, type SocketOptions} from "./socket"
import {Readable, Writable} from "./mixins"
import {
  defineSocketOptions,
  type SocketKind,
  type SocketOptionProperties,
  type WritableSocketOptions,
} from "./options"
import {typeError} from "./errors"

/** Constructor options: the socket type's writable option properties, plus `context`. */
export type Options<K extends SocketKind, Extra = object> = SocketOptions &
  Partial<WritableSocketOptions<K>> &
  Partial<Extra>

export const enum SocketType {
  Pair = 0,
  Publisher = 1,
  Subscriber = 2,
  Request = 3,
  Reply = 4,
  Dealer = 5,
  Router = 6,
  Pull = 7,
  Push = 8,
  XPublisher = 9,
  XSubscriber = 10,
  Stream = 11,
}

const ZMQ_SUBSCRIBE = 6
const ZMQ_UNSUBSCRIBE = 7
const ZMQ_XPUB_VERBOSE = 40
const ZMQ_XPUB_VERBOSER = 78
const ZMQ_CONNECT_ROUTING_ID = 61

function setConnectRoutingId(socket: Socket, routingId: unknown): void {
  if (routingId === undefined) return
  if (typeof routingId !== "string" && !Buffer.isBuffer(routingId)) {
    throw typeError("options.routingId", "a string or a Buffer", routingId)
  }
  socket.nativeSocket.setBytes(ZMQ_CONNECT_ROUTING_ID, routingId)
}

function subscription(socket: Socket, option: number, prefixes: (string | Buffer)[]): void {
  if (prefixes.length === 0) return socket.nativeSocket.setBytes(option, null)
  prefixes.forEach((prefix, index) => {
    if (typeof prefix !== "string" && !Buffer.isBuffer(prefix)) {
      throw typeError(`prefixes[${index}]`, "a string or a Buffer", prefix)
    }
    socket.nativeSocket.setBytes(option, prefix)
  })
}

export interface Pair extends SocketOptionProperties<"Pair"> {}
/** Exclusive one-to-one, bidirectional. */
export class Pair extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Pair">) {
    super(SocketType.Pair, "Pair", options)
  }
}

export interface Publisher extends SocketOptionProperties<"Publisher"> {}
/** Sends every message to all subscribers whose filter matches its first frame. */
export class Publisher extends Writable(Socket) {
  constructor(options?: Options<"Publisher">) {
    super(SocketType.Publisher, "Publisher", options)
  }
}

export interface Subscriber extends SocketOptionProperties<"Subscriber"> {}
/** Receives what publishers send, filtered by prefix; subscribes to nothing at first. */
export class Subscriber extends Readable(Socket) {
  constructor(options?: Options<"Subscriber">) {
    super(SocketType.Subscriber, "Subscriber", options)
  }

  /** Accepts messages starting with any of the prefixes; no prefix: every message. */
  subscribe(...prefixes: (string | Buffer)[]): void {
    subscription(this, ZMQ_SUBSCRIBE, prefixes)
  }

  /** Removes filters added by subscribe() (no prefix: the subscribe-to-all filter). */
  unsubscribe(...prefixes: (string | Buffer)[]): void {
    subscription(this, ZMQ_UNSUBSCRIBE, prefixes)
  }
}

export interface Request extends SocketOptionProperties<"Request"> {}
/** Sends a request, then receives its reply, strictly alternating. */
export class Request extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Request">) {
    super(SocketType.Request, "Request", options)
  }
}

export interface Reply extends SocketOptionProperties<"Reply"> {}
/** Receives a request, then sends its reply, strictly alternating. */
export class Reply extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Reply">) {
    super(SocketType.Reply, "Reply", options)
  }
}

export interface Dealer extends SocketOptionProperties<"Dealer"> {}
/** Asynchronous request/reply: round-robin out, fair-queued in. */
export class Dealer extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Dealer">) {
    super(SocketType.Dealer, "Dealer", options)
  }
}

export interface RouterConnectOptions {
  /** The routing id this peer gets on our side (string or bytes). */
  routingId?: string | Buffer
}

export interface Router extends SocketOptionProperties<"Router"> {}
/** Addresses peers by routing id: the first frame of every message names the peer. */
export class Router extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Router">) {
    super(SocketType.Router, "Router", options)
  }

  connect(address: string, options: RouterConnectOptions = {}): void {
    setConnectRoutingId(this, options.routingId)
    super.connect(address)
  }
}

export interface Pull extends SocketOptionProperties<"Pull"> {}
/** Receives from a pipeline's upstream nodes, fair-queued. */
export class Pull extends Readable(Socket) {
  constructor(options?: Options<"Pull">) {
    super(SocketType.Pull, "Pull", options)
  }
}

export interface Push extends SocketOptionProperties<"Push"> {}
/** Sends to a pipeline's downstream nodes, round-robin. */
export class Push extends Writable(Socket) {
  constructor(options?: Options<"Push">) {
    super(SocketType.Push, "Push", options)
  }
}

export type XPublisherVerbosity = null | "allSubs" | "allSubsUnsubs"

export interface XPublisher extends SocketOptionProperties<"XPublisher"> {}
/** A Publisher that also receives subscription messages (1 or 0, then the prefix). */
export class XPublisher extends Readable(Writable(Socket)) {
  constructor(options?: Options<"XPublisher", {verbosity: XPublisherVerbosity}>) {
    super(SocketType.XPublisher, "XPublisher", options)
  }

  /** Which duplicate (un)subscriptions are passed on: none (null), all subscribes, or both. */
  set verbosity(value: XPublisherVerbosity) {
    const native = this.nativeSocket
    switch (value) {
      case null:
        native.setInt32(ZMQ_XPUB_VERBOSER, 0)
        native.setInt32(ZMQ_XPUB_VERBOSE, 0)
        return
      case "allSubs":
        native.setInt32(ZMQ_XPUB_VERBOSER, 0)
        native.setInt32(ZMQ_XPUB_VERBOSE, 1)
        return
      case "allSubsUnsubs":
        native.setInt32(ZMQ_XPUB_VERBOSER, 1)
        return
      default:
        throw typeError("verbosity", 'null, "allSubs" or "allSubsUnsubs"', value)
    }
  }
}

export interface XSubscriber extends SocketOptionProperties<"XSubscriber"> {}
/** A Subscriber that subscribes by sending subscription messages (1 or 0, then the prefix). */
export class XSubscriber extends Readable(Writable(Socket)) {
  constructor(options?: Options<"XSubscriber">) {
    super(SocketType.XSubscriber, "XSubscriber", options)
  }
}

export interface StreamConnectOptions {
  routingId?: string | Buffer
}

export interface Stream extends SocketOptionProperties<"Stream"> {}
/** Raw TCP to non-ZeroMQ peers: [routing id, data] per message. */
export class Stream extends Readable(Writable(Socket)) {
  constructor(options?: Options<"Stream">) {
    super(SocketType.Stream, "Stream", options)
  }

  connect(address: string, options: StreamConnectOptions = {}): void {
    setConnectRoutingId(this, options.routingId)
    super.connect(address)
  }
}

const kinds: [abstract new (...args: never[]) => Socket, SocketKind][] = [
  [Pair, "Pair"],
  [Publisher, "Publisher"],
  [Subscriber, "Subscriber"],
  [Request, "Request"],
  [Reply, "Reply"],
  [Dealer, "Dealer"],
  [Router, "Router"],
  [Pull, "Pull"],
  [Push, "Push"],
  [XPublisher, "XPublisher"],
  [XSubscriber, "XSubscriber"],
  [Stream, "Stream"],
]
defineSocketOptions(Socket.prototype)
for (const [cls, kind] of kinds) defineSocketOptions(cls.prototype, kind)

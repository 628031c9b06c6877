// The standard socket types of libzmq 4.3, named as in zeromq v6. Each extends its generated
// base (lib/generated/sockets.ts: its options and operations, from lib/socket-types.ts) and adds
// only what is its own: a constructor naming its kind, and methods such as subscribe().
import type {BaseSocketOptions} from "./socket"
import {
  DealerBase,
  PairBase,
  PublisherBase,
  PullBase,
  PushBase,
  ReplyBase,
  RequestBase,
  RouterBase,
  StreamBase,
  SubscriberBase,
  XPublisherBase,
  XSubscriberBase,
} from "./generated/sockets"
import type {NativeSocket} from "./native"
import type {WritableSocketOptions} from "./options"
import type {SocketKind} from "./socket-types"
import {setString} from "./core/option-values"
import {native} from "./core/handles"
import {
  ZMQ_CONNECT_ROUTING_ID,
  ZMQ_SUBSCRIBE,
  ZMQ_UNSUBSCRIBE,
  ZMQ_XPUB_VERBOSE,
  ZMQ_XPUB_VERBOSER,
} from "./generated/zmq"

/** Constructor options: the socket type's writable option properties, plus `context`. */
export type Options<K extends SocketKind, Extra = object> = BaseSocketOptions &
  Partial<WritableSocketOptions<K>> &
  Partial<Extra>

// Both are options to libzmq, set as zeromq v6 sets them (its value rule and words). v6 skips
// a routing id that is falsy (undefined, "", null), as libzmq would refuse an empty one.
function setConnectRoutingId(socket: NativeSocket, routingId: unknown): void {
  if (routingId) setString(socket, ZMQ_CONNECT_ROUTING_ID, "options.routingId", routingId)
}

function subscription(socket: NativeSocket, option: number, prefixes: (string | Buffer)[]): void {
  if (prefixes.length === 0) return setString(socket, option, "prefix", null)
  for (const prefix of prefixes) setString(socket, option, "prefix", prefix)
}

/**
 * Exclusive one-to-one, bidirectional. A send waits until the peer is connected.
 *
 * @example
 * ```ts
 * import {Pair} from "zmq-native"
 * const server = new Pair()
 * await server.bind("tcp://127.0.0.1:*")
 * const client = new Pair()
 * client.connect(server.lastEndpoint!)
 * await client.send("ping")
 * const [ping] = await server.receive()
 * await server.send(`${ping} pong`)
 * console.log((await client.receive())[0].toString()) // "ping pong"
 * ```
 */
export class Pair extends PairBase {
  /** A new Pair socket, with these options set. */
  constructor(options?: Options<"Pair">) {
    super("Pair", options)
  }
}

/**
 * Sends every message to all subscribers whose filter matches its first frame. It never waits for subscribers: what it sends before a subscription arrived is dropped
 * for that subscriber (see {@link XPublisher} to wait for one).
 *
 * @example
 * ```ts
 * import {Publisher} from "zmq-native"
 * const publisher = new Publisher()
 * await publisher.bind("tcp://127.0.0.1:*")
 * await publisher.send(["weather", "sunny"]) // dropped for subscribers not yet connected
 * ```
 */
export class Publisher extends PublisherBase {
  /** A new Publisher socket, with these options set. */
  constructor(options?: Options<"Publisher">) {
    super("Publisher", options)
  }
}

/**
 * Receives what publishers send, filtered by prefix; subscribes to nothing at first.
 *
 * @example
 * ```ts
 * import {Subscriber} from "zmq-native"
 * declare const endpoint: string
 * const subscriber = new Subscriber()
 * subscriber.connect(endpoint)
 * subscriber.subscribe("weather")
 * for await (const [topic, update] of subscriber) console.log(`${topic}: ${update}`)
 * ```
 */
export class Subscriber extends SubscriberBase {
  /** A new Subscriber socket, with these options set. */
  constructor(options?: Options<"Subscriber">) {
    super("Subscriber", options)
  }

  /**
   * Accepts messages starting with any of the prefixes; no prefix: every message.
   *
   * libzmq: `ZMQ_SUBSCRIBE`
   *
   * @throws TypeError naming the prefix that is neither a string nor a Buffer; an Error with
   * code `EBADF` when the socket is closed.
   */
  subscribe(...prefixes: (string | Buffer)[]): void {
    subscription(this[native], ZMQ_SUBSCRIBE, prefixes)
  }

  /**
   * Removes filters added by subscribe() (no prefix: the subscribe-to-all filter). Messages of
   * that prefix already queued are not delivered either.
   *
   * libzmq: `ZMQ_UNSUBSCRIBE`
   *
   * @throws TypeError naming the prefix that is neither a string nor a Buffer; an Error with
   * code `EBADF` when the socket is closed.
   */
  unsubscribe(...prefixes: (string | Buffer)[]): void {
    subscription(this[native], ZMQ_UNSUBSCRIBE, prefixes)
  }
}

/**
 * Sends a request, then receives its reply, strictly alternating. Sending twice without
 * receiving in between rejects with `EFSM` (unless `relaxed`).
 *
 * @example
 * ```ts
 * import {Request} from "zmq-native"
 * declare const endpoint: string
 * const client = new Request({receiveTimeout: 5000})
 * client.connect(endpoint)
 * await client.send("Hello")
 * const [reply] = await client.receive()
 * ```
 */
export class Request extends RequestBase {
  /** A new Request socket, with these options set. */
  constructor(options?: Options<"Request">) {
    super("Request", options)
  }
}

/**
 * Receives a request, then sends its reply, strictly alternating.
 *
 * @example
 * ```ts
 * import {Reply} from "zmq-native"
 * const server = new Reply()
 * await server.bind("tcp://127.0.0.1:*")
 * for await (const [request] of server) await server.send(`World, from ${request}`)
 * ```
 */
export class Reply extends ReplyBase {
  /** A new Reply socket, with these options set. */
  constructor(options?: Options<"Reply">) {
    super("Reply", options)
  }
}

/**
 * Asynchronous request/reply: round-robin out, fair-queued in.
 *
 * @example
 * ```ts
 * import {Dealer} from "zmq-native"
 * declare const endpoint: string
 * const dealer = new Dealer({routingId: "client-1"})
 * dealer.connect(endpoint)
 * await Promise.all([dealer.send("request 1"), dealer.send("request 2")]) // no turn-taking
 * const [reply] = await dealer.receive()
 * ```
 */
export class Dealer extends DealerBase {
  /** A new Dealer socket, with these options set. */
  constructor(options?: Options<"Dealer">) {
    super("Dealer", options)
  }
}

/** Router.connect() options. */
export interface RouterConnectOptions {
  /** The routing id this peer gets on our side (string or bytes). */
  routingId?: string | Buffer
}

/**
 * Addresses peers by routing id: the first frame of every message names the peer.
 *
 * @example
 * ```ts
 * import {Router} from "zmq-native"
 * const router = new Router()
 * await router.bind("tcp://127.0.0.1:*")
 * for await (const [peer, ...frames] of router) await router.send([peer, ...frames]) // echo back
 * ```
 */
export class Router extends RouterBase {
  /** A new Router socket, with these options set. */
  constructor(options?: Options<"Router">) {
    super("Router", options)
  }

  /**
   * Connects to an endpoint, naming the peer `options.routingId` on our side when given (an
   * empty one names nothing, as in zeromq v6).
   *
   * @throws TypeError when `options.routingId` is neither a string nor a Buffer; otherwise
   * what `Socket.connect()` throws.
   */
  connect(address: string, options: RouterConnectOptions = {}): void {
    setConnectRoutingId(this[native], options.routingId)
    super.connect(address)
  }
}

/**
 * Receives from a pipeline's upstream nodes, fair-queued.
 *
 * @example
 * ```ts
 * import {Pull} from "zmq-native"
 * const pull = new Pull()
 * await pull.bind("tcp://127.0.0.1:*")
 * for await (const [job] of pull) console.log(`job: ${job}`)
 * ```
 */
export class Pull extends PullBase {
  /** A new Pull socket, with these options set. */
  constructor(options?: Options<"Pull">) {
    super("Pull", options)
  }
}

/**
 * Sends to a pipeline's downstream nodes, round-robin. A send waits while no downstream
 * node is connected or all are at their high-water mark.
 *
 * @example
 * ```ts
 * import {Push} from "zmq-native"
 * declare const endpoint: string
 * const push = new Push()
 * push.connect(endpoint)
 * for (let num = 0; num < 10; num++) await push.send(JSON.stringify({num}))
 * ```
 */
export class Push extends PushBase {
  /** A new Push socket, with these options set. */
  constructor(options?: Options<"Push">) {
    super("Push", options)
  }
}

/** Which duplicate (un)subscriptions an XPublisher passes on: none (null), all subscribes, or both. */
export type XPublisherVerbosity = null | "allSubs" | "allSubsUnsubs"

/**
 * A Publisher that also receives subscription messages (1 or 0, then the prefix).
 *
 * @example
 * ```ts
 * import {XPublisher} from "zmq-native"
 * const publisher = new XPublisher()
 * await publisher.bind("tcp://127.0.0.1:*")
 * const [subscription] = await publisher.receive() // a byte 1, then the topic
 * await publisher.send([subscription.subarray(1), "first update, not lost"])
 * ```
 */
export class XPublisher extends XPublisherBase {
  /** A new XPublisher socket, with these options set (and `verbosity`). */
  constructor(options?: Options<"XPublisher", {verbosity: XPublisherVerbosity}>) {
    super("XPublisher", options)
  }

  /**
   * Which duplicate (un)subscriptions are passed on: none (null), all subscribes, or both.
   *
   * libzmq: `ZMQ_XPUB_VERBOSE`, `ZMQ_XPUB_VERBOSER` · default: null · write-only
   *
   * @throws TypeError for any other value.
   */
  set verbosity(value: XPublisherVerbosity) {
    const socket = this[native]
    switch (value) {
      case null:
        socket.setInt32(ZMQ_XPUB_VERBOSER, 0)
        socket.setInt32(ZMQ_XPUB_VERBOSE, 0)
        return
      case "allSubs":
        socket.setInt32(ZMQ_XPUB_VERBOSER, 0)
        socket.setInt32(ZMQ_XPUB_VERBOSE, 1)
        return
      case "allSubsUnsubs":
        socket.setInt32(ZMQ_XPUB_VERBOSER, 1)
        return
      // Any other value changes nothing, as in zeromq v6.
    }
  }
}

/**
 * A Subscriber that subscribes by sending subscription messages (1 or 0, then the prefix).
 *
 * @example
 * ```ts
 * import {XSubscriber} from "zmq-native"
 * declare const endpoint: string
 * const subscriber = new XSubscriber()
 * subscriber.connect(endpoint)
 * await subscriber.send(Buffer.concat([Buffer.from([1]), Buffer.from("weather")]))
 * ```
 */
export class XSubscriber extends XSubscriberBase {
  /** A new XSubscriber socket, with these options set. */
  constructor(options?: Options<"XSubscriber">) {
    super("XSubscriber", options)
  }
}

/** Stream.connect() options. */
export interface StreamConnectOptions {
  /** The routing id this peer gets on our side (string or bytes). */
  routingId?: string | Buffer
}

/**
 * Raw TCP to non-ZeroMQ peers: [routing id, data] per message. An empty data frame
 * means a peer connected or disconnected.
 *
 * @example
 * ```ts
 * import {Stream} from "zmq-native"
 * const stream = new Stream()
 * await stream.bind("tcp://127.0.0.1:*") // e.g. a plain TCP client such as curl connects here
 * for await (const [peer, data] of stream) {
 *   if (data.length > 0) await stream.send([peer, "HTTP/1.0 200 OK\r\n\r\nhello\n"])
 * }
 * ```
 */
export class Stream extends StreamBase {
  /** A new Stream socket, with these options set. */
  constructor(options?: Options<"Stream">) {
    super("Stream", options)
  }

  /**
   * Connects to an endpoint, naming the peer `options.routingId` on our side when given (an
   * empty one names nothing, as in zeromq v6).
   *
   * @throws TypeError when `options.routingId` is neither a string nor a Buffer; otherwise
   * what `Socket.connect()` throws.
   */
  connect(address: string, options: StreamConnectOptions = {}): void {
    setConnectRoutingId(this[native], options.routingId)
    super.connect(address)
  }
}

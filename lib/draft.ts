// The draft socket types of libzmq 4.3 (`zmq-native/draft`), named and shaped as in zeromq v6's
// `zeromq/draft`, plus Peer and Channel. All but Datagram are thread-safe sockets that move one
// frame per message; Server and Peer address peers by a numeric routing id, Radio and Dish by
// group. Their routing id or group travels beside the frame: as send options, and as the second
// element of what receive() gives. How each frame shape meets libzmq is its codec's work
// (lib/core/codecs.ts); the classes only name their kind.
/// <reference types="node" preserve="true" />
import {
  ChannelBase,
  ClientBase,
  DatagramBase,
  DishBase,
  GatherBase,
  PeerBase,
  RadioBase,
  ScatterBase,
  ServerBase,
} from "./generated/sockets"
import {ZMQ_GROUP_MAX_LENGTH} from "./generated/zmq"
import {groupOf} from "./core/codecs"
import {errnoError} from "./errors"
import {native} from "./core/handles"
import {endpointsChanged} from "./core/option-values"
import {checkAddress} from "./socket"
import type {Options} from "./sockets"

export type {Routing, RoutedSendOptions, GroupSendOptions, GroupInfo} from "./core/codecs"
// Types only, as in the main entry: the generated bases of the draft types.
export type {
  ServerBase,
  ClientBase,
  RadioBase,
  DishBase,
  GatherBase,
  ScatterBase,
  DatagramBase,
  PeerBase,
  ChannelBase,
} from "./generated/sockets"

/** The longest group name libzmq accepts, in bytes (ZMQ_GROUP_MAX_LENGTH). */
export const groupMaxLength = ZMQ_GROUP_MAX_LENGTH

// A group Dish.join/leave takes: libzmq refuses one over 255 bytes (EINVAL, as zeromq v6 says);
// every group is checked before the first is joined or left.
function dishGroupOf(group: unknown, index: number): string | Buffer {
  const value = groupOf(group, `groups[${index}]`)
  const length = Buffer.byteLength(value)
  if (length > groupMaxLength) {
    throw errnoError(
      "EINVAL",
      `Invalid argument (groups[${index}]: a group of ${length} bytes, at most ${groupMaxLength})`,
    )
  }
  return value
}

/**
 * Answers many Clients: each received message names its Client's routing id; replies give it back.
 *
 * @example
 * ```ts
 * import {Server} from "zmq-native/draft"
 * const server = new Server()
 * await server.bind("tcp://127.0.0.1:*")
 * for await (const [request, {routingId}] of server) await server.send(`got ${request}`, {routingId})
 * ```
 */
export class Server extends ServerBase {
  /** A new Server socket, with these options set. */
  constructor(options?: Options<"Server">) {
    super("Server", options)
  }
}

/**
 * Talks to Servers: sends round-robin, receives fair-queued, one frame per message.
 *
 * @example
 * ```ts
 * import {Client} from "zmq-native/draft"
 * declare const endpoint: string
 * const client = new Client()
 * client.connect(endpoint)
 * await client.send("hello")
 * const [reply] = await client.receive()
 * ```
 */
export class Client extends ClientBase {
  /** A new Client socket, with these options set. */
  constructor(options?: Options<"Client">) {
    super("Client", options)
  }
}

/**
 * Sends each message to a group; Dishes that joined it receive it (tcp, inproc, udp).
 *
 * @example
 * ```ts
 * import {Radio} from "zmq-native/draft"
 * const radio = new Radio()
 * radio.connect("udp://127.0.0.1:5555")
 * await radio.send("sunny", {group: "weather"})
 * ```
 */
export class Radio extends RadioBase {
  /** A new Radio socket, with these options set. */
  constructor(options?: Options<"Radio">) {
    super("Radio", options)
  }
}

/**
 * Receives what Radios send to the groups it joined, with the group beside each frame.
 *
 * @example
 * ```ts
 * import {Dish} from "zmq-native/draft"
 * const dish = new Dish()
 * await dish.bind("udp://127.0.0.1:5555")
 * dish.join("weather")
 * for await (const [frame, {group}] of dish) console.log(`${group}: ${frame}`)
 * ```
 */
export class Dish extends DishBase {
  /** A new Dish socket, with these options set. */
  constructor(options?: Options<"Dish">) {
    super("Dish", options)
  }

  /**
   * Starts receiving messages sent to these groups (each at most 255 bytes).
   *
   * @throws TypeError "Value must be a string or buffer" naming a group that is neither, RangeError
   * naming one with a NUL byte; an Error with code `EINVAL` for a group longer than 255 bytes or
   * one libzmq refuses (one joined already), `EBADF` when the socket is closed.
   */
  join(...groups: (string | Buffer)[]): void {
    const names = groups.map(dishGroupOf)
    for (const name of names) this[native].join(name)
  }

  /**
   * Stops receiving the groups' messages.
   *
   * @throws TypeError "Value must be a string or buffer" naming a group that is neither, RangeError
   * naming one with a NUL byte; an Error with code `EINVAL` for a group longer than 255 bytes or
   * not joined, `EBADF` when the socket is closed.
   */
  leave(...groups: (string | Buffer)[]): void {
    const names = groups.map(dishGroupOf)
    for (const name of names) this[native].leave(name)
  }
}

/**
 * Receives from Scatters, fair-queued, one frame per message (a thread-safe Pull).
 *
 * @example
 * ```ts
 * import {Gather} from "zmq-native/draft"
 * const gather = new Gather()
 * await gather.bind("tcp://127.0.0.1:*")
 * const [job] = await gather.receive()
 * ```
 */
export class Gather extends GatherBase {
  /** A new Gather socket, with these options set. */
  constructor(options?: Options<"Gather">) {
    super("Gather", options)
  }
}

/**
 * Sends to Gathers, round-robin, one frame per message (a thread-safe Push).
 *
 * @example
 * ```ts
 * import {Scatter} from "zmq-native/draft"
 * declare const endpoint: string
 * const scatter = new Scatter()
 * scatter.connect(endpoint)
 * await scatter.send("job 1")
 * ```
 */
export class Scatter extends ScatterBase {
  /** A new Scatter socket, with these options set. */
  constructor(options?: Options<"Scatter">) {
    super("Scatter", options)
  }
}

/**
 * Plain UDP datagrams (udp:// only): every message is [address, data], the address being the
 * peer's "ip:port" — where a received datagram came from, where a sent one goes.
 *
 * @example
 * ```ts
 * import {Datagram} from "zmq-native/draft"
 * const socket = new Datagram()
 * await socket.bind("udp://127.0.0.1:5556")
 * for await (const [from, data] of socket) await socket.send([from, data]) // echo
 * ```
 */
export class Datagram extends DatagramBase {
  /** A new Datagram socket, with these options set. */
  constructor(options?: Options<"Datagram">) {
    super("Datagram", options)
  }
}

/**
 * Many-to-many with routing ids, both ways: connect() returns the new peer's routing id, so a
 * Peer can send to a peer before hearing from it; received messages name their sender.
 *
 * @example
 * ```ts
 * import {Peer} from "zmq-native/draft"
 * declare const endpoint: string
 * const peer = new Peer()
 * const routingId = peer.connect(endpoint)
 * await peer.send("hello", {routingId})
 * const [reply, {routingId: from}] = await peer.receive()
 * ```
 */
export class Peer extends PeerBase {
  /** A new Peer socket, with these options set. */
  constructor(options?: Options<"Peer">) {
    super("Peer", options)
  }

  /**
   * Connects and returns the routing id to send to this peer with.
   *
   * @throws What `Socket.connect()` throws.
   */
  connect(address: string): number {
    checkAddress(address)
    const routingId = this[native].connectPeer(address)
    endpointsChanged(this[native], 1)
    return routingId
  }
}

/**
 * Exclusive one-to-one, bidirectional, one frame per message (a thread-safe Pair).
 *
 * @example
 * ```ts
 * import {Channel} from "zmq-native/draft"
 * declare const endpoint: string
 * const channel = new Channel()
 * channel.connect(endpoint)
 * await channel.send("one frame only")
 * ```
 */
export class Channel extends ChannelBase {
  /** A new Channel socket, with these options set. */
  constructor(options?: Options<"Channel">) {
    super("Channel", options)
  }
}

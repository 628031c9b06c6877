// The draft socket types of libzmq 4.3 (`zmq-native/draft`), named and shaped as in zeromq v6's
// `zeromq/draft`, plus Peer and Channel. All but Datagram are thread-safe sockets that move one
// frame per message; Server and Peer address peers by a numeric routing id, Radio and Dish by
// group. Their routing id or group travels beside the frame: as send options, and as the second
// element of what receive() gives. How each frame shape meets libzmq is its codec's work
// (lib/core/codecs.ts); the classes only name their kind.
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
import {checkString} from "./errors"
import {ZMQ_GROUP_MAX_LENGTH} from "./generated/zmq"
import {groupOf} from "./core/codecs"
import {native} from "./core/handles"
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

/** Answers many Clients: each received message names its Client's routing id; replies give it back. */
export class Server extends ServerBase {
  /** A new Server socket, with these options set. */
  constructor(options?: Options<"Server">) {
    super("Server", options)
  }
}

/** Talks to Servers: sends round-robin, receives fair-queued, one frame per message. */
export class Client extends ClientBase {
  /** A new Client socket, with these options set. */
  constructor(options?: Options<"Client">) {
    super("Client", options)
  }
}

/** Sends each message to a group; Dishes that joined it receive it (tcp, inproc, udp). */
export class Radio extends RadioBase {
  /** A new Radio socket, with these options set. */
  constructor(options?: Options<"Radio">) {
    super("Radio", options)
  }
}

/** Receives what Radios send to the groups it joined, with the group beside each frame. */
export class Dish extends DishBase {
  /** A new Dish socket, with these options set. */
  constructor(options?: Options<"Dish">) {
    super("Dish", options)
  }

  /** Starts receiving messages sent to these groups (each at most 255 bytes). */
  join(...groups: (string | Buffer)[]): void {
    const names = groups.map((group, index) => groupOf(group, `groups[${index}]`))
    for (const name of names) this[native].join(name)
  }

  /** Stops receiving the groups' messages; a group not joined is an EINVAL error. */
  leave(...groups: (string | Buffer)[]): void {
    const names = groups.map((group, index) => groupOf(group, `groups[${index}]`))
    for (const name of names) this[native].leave(name)
  }
}

/** Receives from Scatters, fair-queued, one frame per message (a thread-safe Pull). */
export class Gather extends GatherBase {
  /** A new Gather socket, with these options set. */
  constructor(options?: Options<"Gather">) {
    super("Gather", options)
  }
}

/** Sends to Gathers, round-robin, one frame per message (a thread-safe Push). */
export class Scatter extends ScatterBase {
  /** A new Scatter socket, with these options set. */
  constructor(options?: Options<"Scatter">) {
    super("Scatter", options)
  }
}

/**
 * Plain UDP datagrams (udp:// only): every message is [address, data], the address being the
 * peer's "ip:port" — where a received datagram came from, where a sent one goes.
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
 */
export class Peer extends PeerBase {
  /** A new Peer socket, with these options set. */
  constructor(options?: Options<"Peer">) {
    super("Peer", options)
  }

  /** Connects and returns the routing id to send to this peer with. */
  connect(address: string): number {
    checkString("address", address)
    return this[native].connectPeer(address)
  }
}

/** Exclusive one-to-one, bidirectional, one frame per message (a thread-safe Pair). */
export class Channel extends ChannelBase {
  /** A new Channel socket, with these options set. */
  constructor(options?: Options<"Channel">) {
    super("Channel", options)
  }
}

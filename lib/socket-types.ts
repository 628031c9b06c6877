// The one table of socket types: libzmq's name for each, what it can do, how its messages are
// framed and read. Option applicability (lib/options.ts), the generated classes
// (lib/generated/sockets.ts), the engine's codec and batch size, and the proxy's checks all
// derive from it. Named as in zeromq v6; the draft types are exported by `zmq-native/draft`.
import type * as zmq from "./generated/zmq"

/**
 * How a socket type's messages are framed, i.e. which codec (lib/core/codecs.ts) the engine
 * uses: `multipart` (an array of frames), `single` (one frame per message, draft sockets),
 * `routed` (one frame beside a numeric routing id), `group` (one frame beside a group name),
 * `datagram` (exactly [address, data]).
 */
export type FrameShape = "multipart" | "single" | "routed" | "group" | "datagram"

interface SocketTypeSpec {
  /** libzmq's name for the type (its number is in lib/generated/zmq.ts). */
  readonly zmq: keyof typeof zmq
  /** Whether it receives: receive(), receiveMany(), async iteration, the receive options. */
  readonly readable: boolean
  /** Whether it sends: send(), sendMany(), the send options. */
  readonly writable: boolean
  readonly frames: FrameShape
  /**
   * Messages taken from libzmq per native call by receive(). 1 where reading ahead would be
   * wrong: REQ/REP alternate strictly, and libzmq filters a subscriber's queue as it is read,
   * so a message read ahead would escape a later unsubscribe().
   */
  readonly batch: number
  /**
   * Whether libzmq's proxy can use it. Thread-safe (draft) sockets cannot: they have no ZMQ_FD
   * (a zmq_poller the JS thread uses stands in for it) and carry single frames.
   */
  readonly proxyable: boolean
  /** Part of libzmq's draft API: exported by `zmq-native/draft`. */
  readonly draft: boolean
}

const readAhead = 64

// prettier-ignore
export const socketTypes = {
  Pair:        {zmq: "ZMQ_PAIR",    readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Publisher:   {zmq: "ZMQ_PUB",     readable: false, writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Subscriber:  {zmq: "ZMQ_SUB",     readable: true,  writable: false, frames: "multipart", batch: 1,         proxyable: true,  draft: false},
  Request:     {zmq: "ZMQ_REQ",     readable: true,  writable: true,  frames: "multipart", batch: 1,         proxyable: true,  draft: false},
  Reply:       {zmq: "ZMQ_REP",     readable: true,  writable: true,  frames: "multipart", batch: 1,         proxyable: true,  draft: false},
  Dealer:      {zmq: "ZMQ_DEALER",  readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Router:      {zmq: "ZMQ_ROUTER",  readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Pull:        {zmq: "ZMQ_PULL",    readable: true,  writable: false, frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Push:        {zmq: "ZMQ_PUSH",    readable: false, writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  XPublisher:  {zmq: "ZMQ_XPUB",    readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  XSubscriber: {zmq: "ZMQ_XSUB",    readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Stream:      {zmq: "ZMQ_STREAM",  readable: true,  writable: true,  frames: "multipart", batch: readAhead, proxyable: true,  draft: false},
  Server:      {zmq: "ZMQ_SERVER",  readable: true,  writable: true,  frames: "routed",    batch: 1,         proxyable: false, draft: true},
  Client:      {zmq: "ZMQ_CLIENT",  readable: true,  writable: true,  frames: "single",    batch: readAhead, proxyable: false, draft: true},
  Radio:       {zmq: "ZMQ_RADIO",   readable: false, writable: true,  frames: "group",     batch: 1,         proxyable: false, draft: true},
  Dish:        {zmq: "ZMQ_DISH",    readable: true,  writable: false, frames: "group",     batch: 1,         proxyable: false, draft: true},
  Gather:      {zmq: "ZMQ_GATHER",  readable: true,  writable: false, frames: "single",    batch: readAhead, proxyable: false, draft: true},
  Scatter:     {zmq: "ZMQ_SCATTER", readable: false, writable: true,  frames: "single",    batch: readAhead, proxyable: false, draft: true},
  Datagram:    {zmq: "ZMQ_DGRAM",   readable: true,  writable: true,  frames: "datagram",  batch: readAhead, proxyable: true,  draft: true},
  Peer:        {zmq: "ZMQ_PEER",    readable: true,  writable: true,  frames: "routed",    batch: 1,         proxyable: false, draft: true},
  Channel:     {zmq: "ZMQ_CHANNEL", readable: true,  writable: true,  frames: "single",    batch: readAhead, proxyable: false, draft: true},
} as const satisfies Record<string, SocketTypeSpec>

/** The socket types, named as in zeromq v6 (and Peer, Channel): "Pair", "Publisher", ... */
export type SocketKind = keyof typeof socketTypes

/** The table's type, for types derived from it. */
export type SocketTypes = typeof socketTypes

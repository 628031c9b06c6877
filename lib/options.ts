// The one table of socket and context options: name, libzmq's name, value type, access, which
// socket types have it, and what it means (doc, unit, default). `npm run generate` turns it into
// the documented accessors of lib/generated/sockets.ts and lib/generated/options.ts; the types
// below derive the same facts for the compiler, and test/packaging checks the two agree.
import type * as zmq from "./generated/zmq"
import type {SocketKind, SocketTypes} from "./socket-types"

/** How an option's value is held: the accessor's type and the native call that moves it. */
export type ValueType = "int32" | "uint32" | "int64" | "uint64" | "bool" | "string"

export interface OptionSpec {
  /** The property name, as in zeromq v6. */
  readonly name: string
  /** libzmq's name for it (its number is in lib/generated/zmq.ts). */
  readonly zmq: keyof typeof zmq
  readonly type: ValueType
  /** "r": read-only, "w": write-only (libzmq cannot read it back); read-write when absent. */
  readonly access?: "r" | "w"
  /**
   * Socket types that have it: the readable or the writable ones (lib/socket-types.ts), or the
   * ones listed; every type when absent.
   */
  readonly for?: "readable" | "writable" | readonly SocketKind[]
  /** Names for an integer option's values (index = libzmq's number). */
  readonly values?: readonly (string | null)[]
  /**
   * Why libzmq refuses to read it (EINVAL), for an option zeromq v6 has a getter for all the
   * same: ours has it too, and it throws what v6's throws.
   */
  readonly unreadable?: string
  /** The read-only option holding the largest value libzmq can work with. */
  readonly atMost?: string
  /** What it means, for the accessor's doc comment. */
  readonly doc: string
  readonly unit?: string
  /** libzmq's default, in words where a number would not say it. */
  readonly default?: string
}

const gssapiNames = ["hostBased", "userName", "krb5Principal"] as const
const conflaters = ["Pull", "Push", "Subscriber", "Publisher", "Dealer", "Scatter", "Gather"] as const
const ms = "milliseconds"
// libzmq gives a CURVE key back to a read of exactly 32 bytes (binary) or 41 (Z85 and its NUL).
const curveKeyRead = "libzmq gives a key back only to a read of 32 or 41 bytes, not to v6's 1024"

// Units are libzmq's own; -1 means "infinite" or "the system's default" where the doc says so.
// One option per entry, its doc on the second line: a table, kept as written.
// prettier-ignore
export const socketOptions = [
  {
    name: "affinity", zmq: "ZMQ_AFFINITY", type: "uint64", unit: "bit mask", default: "0",
    doc: "Which of the context's I/O threads serve the connections made after it is set: bit n stands for thread n; 0 lets libzmq choose.",
  },
  {
    name: "routingId", zmq: "ZMQ_ROUTING_ID", type: "string", for: ["Request", "Reply", "Router", "Dealer"], default: "none: a Router peer assigns one",
    doc: "The routing id this socket gives Router peers, 1 to 255 bytes not starting with a zero byte; set it before bind() or connect().",
  },
  {
    name: "rate", zmq: "ZMQ_RATE", type: "int32", unit: "kilobits per second", default: "100",
    doc: "The highest data rate of the multicast transports (pgm, epgm, norm).",
  },
  {
    name: "recoveryInterval", zmq: "ZMQ_RECOVERY_IVL", type: "int32", unit: ms, default: "10000",
    doc: "How long a multicast receiver can still recover data it lost: the sender keeps that much of what it sent.",
  },
  {
    name: "sendBufferSize", zmq: "ZMQ_SNDBUF", type: "int32", for: "writable", unit: "bytes", default: "-1 (the OS default)",
    doc: "The kernel's transmit buffer size (SO_SNDBUF) of the socket's connections.",
  },
  {
    name: "receiveBufferSize", zmq: "ZMQ_RCVBUF", type: "int32", for: "readable", unit: "bytes", default: "-1 (the OS default)",
    doc: "The kernel's receive buffer size (SO_RCVBUF) of the socket's connections.",
  },
  {
    name: "type", zmq: "ZMQ_TYPE", type: "int32", access: "r",
    doc: "libzmq's number for this socket's type (ZMQ_PAIR, ZMQ_PUB, ...).",
  },
  {
    name: "linger", zmq: "ZMQ_LINGER", type: "int32", unit: ms, default: "-1 (until delivered)",
    doc: "How long messages still queued when the socket closes may take to be delivered; 0 drops them at once.",
  },
  {
    name: "reconnectInterval", zmq: "ZMQ_RECONNECT_IVL", type: "int32", unit: ms, default: "100",
    doc: "How long to wait before connecting again after a connection was lost or refused; -1: never reconnect.",
  },
  {
    name: "backlog", zmq: "ZMQ_BACKLOG", type: "int32", unit: "connections", default: "100",
    doc: "The most connections that may wait to be accepted on a bound tcp or ipc endpoint (listen()'s backlog).",
  },
  {
    name: "reconnectMaxInterval", zmq: "ZMQ_RECONNECT_IVL_MAX", type: "int32", unit: ms, default: "0 (always reconnectInterval)",
    doc: "The upper bound of the reconnect interval, which doubles after each failed attempt until it reaches this.",
  },
  {
    name: "maxMessageSize", zmq: "ZMQ_MAXMSGSIZE", type: "int64", unit: "bytes", default: "-1 (no limit)",
    doc: "The largest inbound message accepted: a peer that sends a larger one is disconnected.",
  },
  {
    name: "sendHighWaterMark", zmq: "ZMQ_SNDHWM", type: "int32", for: "writable", unit: "messages", default: "1000",
    doc: "The most messages queued for sending to one peer; at the limit sends wait, or the socket type drops them. 0: no limit.",
  },
  {
    name: "receiveHighWaterMark", zmq: "ZMQ_RCVHWM", type: "int32", for: "readable", unit: "messages", default: "1000",
    doc: "The most messages queued for reading from one peer; at the limit libzmq stops reading from it. 0: no limit.",
  },
  {
    name: "multicastHops", zmq: "ZMQ_MULTICAST_HOPS", type: "int32", for: "writable", unit: "network hops", default: "1",
    doc: "How many network hops outgoing multicast packets may cross (their time-to-live).",
  },
  {
    name: "receiveTimeout", zmq: "ZMQ_RCVTIMEO", type: "int32", for: "readable", unit: ms, default: "-1 (wait for ever)",
    doc: "How long a receive may wait before it rejects with EAGAIN; a call's own `timeout` option overrides it.",
  },
  {
    name: "sendTimeout", zmq: "ZMQ_SNDTIMEO", type: "int32", for: "writable", unit: ms, default: "-1 (wait for ever)",
    doc: "How long a send may wait at the high-water mark before it rejects with EAGAIN; a call's own `timeout` option overrides it.",
  },
  {
    name: "lastEndpoint", zmq: "ZMQ_LAST_ENDPOINT", type: "string", access: "r", default: "null (nothing bound)",
    doc: "The endpoint bound last, wildcards resolved: e.g. the port chosen for `tcp://127.0.0.1:*`.",
  },
  {
    name: "mandatory", zmq: "ZMQ_ROUTER_MANDATORY", type: "bool", for: ["Router"], default: "false",
    unreadable: "libzmq cannot read it back",
    doc: "Whether a message to an unknown routing id fails with EHOSTUNREACH (and one to a full peer waits) instead of being dropped.",
  },
  {
    name: "tcpKeepalive", zmq: "ZMQ_TCP_KEEPALIVE", type: "int32", default: "-1 (the OS default)",
    doc: "SO_KEEPALIVE of tcp connections: 1 on, 0 off.",
  },
  {
    name: "tcpKeepaliveCount", zmq: "ZMQ_TCP_KEEPALIVE_CNT", type: "int32", default: "-1 (the OS default)",
    doc: "TCP_KEEPCNT of tcp connections: how many keepalive probes may go unanswered before the connection is dropped.",
  },
  {
    name: "tcpKeepaliveIdle", zmq: "ZMQ_TCP_KEEPALIVE_IDLE", type: "int32", unit: "seconds", default: "-1 (the OS default)",
    doc: "TCP_KEEPIDLE of tcp connections: how long a connection is idle before the first keepalive probe.",
  },
  {
    name: "tcpKeepaliveInterval", zmq: "ZMQ_TCP_KEEPALIVE_INTVL", type: "int32", unit: "seconds", default: "-1 (the OS default)",
    doc: "TCP_KEEPINTVL of tcp connections: the time between keepalive probes.",
  },
  {
    name: "tcpAcceptFilter", zmq: "ZMQ_TCP_ACCEPT_FILTER", type: "string", default: "none: every address may connect",
    unreadable: "libzmq cannot read it back",
    doc: "Adds an address (IP, or CIDR such as `192.168.1.0/24`) that may connect to the bound tcp endpoints; null clears the list. Deprecated in libzmq: ZAP does this better.",
  },
  {
    name: "immediate", zmq: "ZMQ_IMMEDIATE", type: "bool", default: "false",
    doc: "Whether messages are queued only to connections that completed their handshake, not to ones still being made.",
  },
  {
    name: "raw", zmq: "ZMQ_ROUTER_RAW", type: "bool", access: "w", for: ["Router"], default: "false",
    doc: "Raw mode: the Router talks to plain tcp peers, without ZeroMQ's framing (the Stream type does this better).",
  },
  {
    name: "ipv6", zmq: "ZMQ_IPV6", type: "bool", default: "false (IPv4 only)",
    doc: "Whether tcp endpoints may use IPv6, and bind dual-stack.",
  },
  {
    name: "securityMechanism", zmq: "ZMQ_MECHANISM", type: "int32", access: "r", values: [null, "plain", "curve", "gssapi"],
    doc: 'The security mechanism the socket uses: null (none), "plain", "curve" or "gssapi".',
  },
  {
    name: "plainServer", zmq: "ZMQ_PLAIN_SERVER", type: "bool", default: "false",
    doc: "Whether the socket is a PLAIN server: its peers' usernames and passwords are checked by the ZAP handler.",
  },
  {
    name: "plainUsername", zmq: "ZMQ_PLAIN_USERNAME", type: "string", default: "null",
    doc: "The username this PLAIN client presents; setting it makes the socket a PLAIN client.",
  },
  {
    name: "plainPassword", zmq: "ZMQ_PLAIN_PASSWORD", type: "string", default: "null",
    doc: "The password this PLAIN client presents; setting it makes the socket a PLAIN client.",
  },
  {
    name: "curveServer", zmq: "ZMQ_CURVE_SERVER", type: "bool", default: "false",
    doc: "Whether the socket is a CURVE server (it needs curveSecretKey; its clients need its public key).",
  },
  {
    name: "curvePublicKey", zmq: "ZMQ_CURVE_PUBLICKEY", type: "string", default: "null",
    unreadable: curveKeyRead,
    doc: "This socket's long-term CURVE public key: 40 Z85 characters (or 32 bytes).",
  },
  {
    name: "curveSecretKey", zmq: "ZMQ_CURVE_SECRETKEY", type: "string", default: "null",
    unreadable: curveKeyRead,
    doc: "This socket's long-term CURVE secret key: 40 Z85 characters (or 32 bytes).",
  },
  {
    name: "curveServerKey", zmq: "ZMQ_CURVE_SERVERKEY", type: "string", default: "null",
    unreadable: curveKeyRead,
    doc: "The public key of the CURVE server this socket connects to; setting it makes the socket a CURVE client.",
  },
  {
    name: "probeRouter", zmq: "ZMQ_PROBE_ROUTER", type: "bool", access: "w", for: ["Router", "Dealer", "Request"], default: "false",
    doc: "Whether an empty message goes to each new connection, so that a Router peer learns this socket's routing id at once.",
  },
  {
    name: "correlate", zmq: "ZMQ_REQ_CORRELATE", type: "bool", access: "w", for: ["Request"], default: "false",
    doc: "Whether requests carry an id, so that only the reply to the latest request is accepted (useful with relaxed).",
  },
  {
    name: "relaxed", zmq: "ZMQ_REQ_RELAXED", type: "bool", access: "w", for: ["Request"], default: "false",
    doc: "Whether a request may be sent before the previous one's reply arrived (that reply is then discarded).",
  },
  {
    name: "conflate", zmq: "ZMQ_CONFLATE", type: "bool", access: "w", for: conflaters, default: "false",
    doc: "Whether the queues keep only the latest message, dropping older ones; not for multipart messages.",
  },
  {
    name: "zapDomain", zmq: "ZMQ_ZAP_DOMAIN", type: "string", default: "null",
    doc: "The authentication domain (RFC 27) given to the ZAP handler for this socket's connections.",
  },
  {
    name: "handover", zmq: "ZMQ_ROUTER_HANDOVER", type: "bool", access: "w", for: ["Router"], default: "false",
    doc: "Whether a new connection with a routing id already in use takes it over (the old one is dropped) instead of being refused.",
  },
  {
    name: "typeOfService", zmq: "ZMQ_TOS", type: "uint32", default: "0",
    doc: "The IP type-of-service byte (DSCP and ECN) of outgoing packets.",
  },
  {
    name: "ipcFilterPid", zmq: "ZMQ_IPC_FILTER_PID", type: "int32", access: "w", default: "none: every process may connect",
    doc: "Adds a process id that may connect to the bound ipc endpoints. Deprecated in libzmq: ZAP does this better.",
  },
  {
    name: "ipcFilterUid", zmq: "ZMQ_IPC_FILTER_UID", type: "int32", access: "w", default: "none: every user may connect",
    doc: "Adds a user id that may connect to the bound ipc endpoints. Deprecated in libzmq: ZAP does this better.",
  },
  {
    name: "ipcFilterGid", zmq: "ZMQ_IPC_FILTER_GID", type: "int32", access: "w", default: "none: every group may connect",
    doc: "Adds a group id that may connect to the bound ipc endpoints. Deprecated in libzmq: ZAP does this better.",
  },
  {
    name: "gssapiServer", zmq: "ZMQ_GSSAPI_SERVER", type: "bool", default: "false",
    doc: "Whether the socket is a GSSAPI server.",
  },
  {
    name: "gssapiPrincipal", zmq: "ZMQ_GSSAPI_PRINCIPAL", type: "string", default: "null",
    doc: "The name of this socket's own GSSAPI principal.",
  },
  {
    name: "gssapiServicePrincipal", zmq: "ZMQ_GSSAPI_SERVICE_PRINCIPAL", type: "string", default: "null",
    doc: "The GSSAPI principal of the server this socket connects to; setting it makes the socket a GSSAPI client.",
  },
  {
    name: "gssapiPlainText", zmq: "ZMQ_GSSAPI_PLAINTEXT", type: "bool", default: "false",
    doc: "Whether GSSAPI connections go unencrypted (they are still authenticated).",
  },
  {
    name: "handshakeInterval", zmq: "ZMQ_HANDSHAKE_IVL", type: "int32", unit: ms, default: "30000",
    doc: "How long a new connection may take to complete its handshake before it is dropped; 0: no limit.",
  },
  {
    name: "socksProxy", zmq: "ZMQ_SOCKS_PROXY", type: "string", default: "null",
    doc: 'The SOCKS5 proxy ("host:port") the tcp connections go through.',
  },
  {
    name: "noDrop", zmq: "ZMQ_XPUB_NODROP", type: "bool", access: "w", for: ["XPublisher", "Publisher"], default: "false",
    doc: "Whether a send at a subscriber's high-water mark waits (and may time out with EAGAIN) instead of dropping the message.",
  },
  {
    name: "manual", zmq: "ZMQ_XPUB_MANUAL", type: "bool", access: "w", for: ["XPublisher"], default: "false",
    doc: "Whether subscriptions are handled by the application: subscription messages are passed on but no longer applied.",
  },
  {
    name: "welcomeMessage", zmq: "ZMQ_XPUB_WELCOME_MSG", type: "string", access: "w", for: ["XPublisher"], default: "null (none)",
    doc: "A message sent to every subscriber as it connects (it receives it when subscribed to it).",
  },
  {
    name: "notify", zmq: "ZMQ_STREAM_NOTIFY", type: "bool", access: "w", for: ["Stream"], default: "true",
    doc: "Whether connects and disconnects show as empty messages from the peer's routing id.",
  },
  {
    name: "invertMatching", zmq: "ZMQ_INVERT_MATCHING", type: "bool", for: ["Publisher", "Subscriber", "XPublisher"], default: "false",
    doc: "Whether subscription filters are inverted, passing the messages that match none (set it alike on both sides).",
  },
  {
    name: "heartbeatInterval", zmq: "ZMQ_HEARTBEAT_IVL", type: "int32", unit: ms, default: "0 (no heartbeats)",
    doc: "The interval between the heartbeats (ZMTP PING) sent on each connection.",
  },
  {
    name: "heartbeatTimeToLive", zmq: "ZMQ_HEARTBEAT_TTL", type: "int32", unit: ms, default: "0",
    doc: "How long the peer waits for traffic before it drops the connection (sent with each PING; counted in tenths of seconds, at most 6553599 ms).",
  },
  {
    name: "heartbeatTimeout", zmq: "ZMQ_HEARTBEAT_TIMEOUT", type: "int32", unit: ms, default: "heartbeatInterval",
    doc: "How long to wait for traffic after sending a PING before the connection is dropped.",
  },
  {
    name: "connectTimeout", zmq: "ZMQ_CONNECT_TIMEOUT", type: "int32", unit: ms, default: "0 (the OS's own)",
    doc: "How long a tcp connect may take before it is abandoned (and retried after reconnectInterval).",
  },
  {
    name: "tcpMaxRetransmitTimeout", zmq: "ZMQ_TCP_MAXRT", type: "int32", unit: ms, default: "0 (the OS default)",
    doc: "How long sent data may stay unacknowledged before the tcp connection is dropped (TCP_MAXRT, TCP_USER_TIMEOUT).",
  },
  {
    name: "threadSafe", zmq: "ZMQ_THREAD_SAFE", type: "bool", access: "r",
    doc: "Whether libzmq's socket is thread-safe (the draft types are, except Datagram).",
  },
  {
    name: "multicastMaxTransportDataUnit", zmq: "ZMQ_MULTICAST_MAXTPDU", type: "int32", unit: "bytes", default: "1500",
    doc: "The largest packet the multicast transports send (the transport data unit).",
  },
  {
    name: "vmciBufferSize", zmq: "ZMQ_VMCI_BUFFER_SIZE", type: "uint64", unit: "bytes", default: "65546",
    doc: "The buffer size of vmci connections.",
  },
  {
    name: "vmciBufferMinSize", zmq: "ZMQ_VMCI_BUFFER_MIN_SIZE", type: "uint64", unit: "bytes", default: "128",
    doc: "The smallest buffer size of vmci connections.",
  },
  {
    name: "vmciBufferMaxSize", zmq: "ZMQ_VMCI_BUFFER_MAX_SIZE", type: "uint64", unit: "bytes", default: "262144",
    doc: "The largest buffer size of vmci connections.",
  },
  {
    name: "vmciConnectTimeout", zmq: "ZMQ_VMCI_CONNECT_TIMEOUT", type: "int32", unit: ms, default: "-1 (the system's)",
    doc: "How long a vmci connect may take.",
  },
  {
    name: "gssapiPrincipalNameType", zmq: "ZMQ_GSSAPI_PRINCIPAL_NAMETYPE", type: "int32", values: gssapiNames, default: '"hostBased"',
    doc: 'How gssapiPrincipal is read: "hostBased", "userName" or "krb5Principal".',
  },
  {
    name: "gssapiServicePrincipalNameType", zmq: "ZMQ_GSSAPI_SERVICE_PRINCIPAL_NAMETYPE", type: "int32", values: gssapiNames, default: '"hostBased"',
    doc: 'How gssapiServicePrincipal is read: "hostBased", "userName" or "krb5Principal".',
  },
  {
    name: "interface", zmq: "ZMQ_BINDTODEVICE", type: "string", default: "null (any)",
    doc: 'The network interface (e.g. "eth0") the tcp and udp connections use (SO_BINDTODEVICE; needs privileges).',
  },
  {
    name: "zapEnforceDomain", zmq: "ZMQ_ZAP_ENFORCE_DOMAIN", type: "bool", default: "false",
    doc: "Whether ZAP follows RFC 27 strictly, which requires a domain; older libzmq versions also accepted an empty one.",
  },
  {
    name: "loopbackFastPath", zmq: "ZMQ_LOOPBACK_FASTPATH", type: "bool", default: "false",
    doc: "Windows only: whether tcp loopback connections use the fast path (SIO_LOOPBACK_FAST_PATH).",
  },
  // Draft options of libzmq 4.3 (the vendored build has the draft API on).
  {
    name: "multicastLoop", zmq: "ZMQ_MULTICAST_LOOP", type: "bool", default: "true",
    doc: "Whether udp multicast messages this host sends are also received by its own sockets.",
  },
  {
    name: "routerNotify", zmq: "ZMQ_ROUTER_NOTIFY", type: "int32", for: ["Router"], default: "0 (none)",
    doc: "Which peer events show as empty messages from the peer's routing id: 1 connects, 2 disconnects, 3 both.",
  },
  {
    name: "manualLastValue", zmq: "ZMQ_XPUB_MANUAL_LAST_VALUE", type: "bool", access: "w", for: ["XPublisher"], default: "false",
    doc: "Like manual, but a message goes only to the subscriber that subscribed last (for last-value caches).",
  },
  {
    name: "socksUsername", zmq: "ZMQ_SOCKS_USERNAME", type: "string", default: "null",
    doc: "The username for the SOCKS5 proxy (basic authentication).",
  },
  {
    name: "socksPassword", zmq: "ZMQ_SOCKS_PASSWORD", type: "string", default: "null",
    doc: "The password for the SOCKS5 proxy (basic authentication).",
  },
  {
    name: "inBatchSize", zmq: "ZMQ_IN_BATCH_SIZE", type: "int32", unit: "bytes", default: "8192",
    doc: "How much a connection reads from the kernel in one call; libzmq advises leaving it alone.",
  },
  {
    name: "outBatchSize", zmq: "ZMQ_OUT_BATCH_SIZE", type: "int32", unit: "bytes", default: "8192",
    doc: "How much a connection writes to the kernel in one call; libzmq advises leaving it alone.",
  },
] as const satisfies readonly OptionSpec[]

// prettier-ignore
export const contextOptions = [
  {
    name: "ioThreads", zmq: "ZMQ_IO_THREADS", type: "int32", default: "1",
    doc: "How many I/O threads the context runs; set it before the context's first socket.",
  },
  // libzmq takes any count, then fails to start the context's threads (aborting the process)
  // when it cannot allocate a slot per socket, or the count overflows.
  {
    name: "maxSockets", zmq: "ZMQ_MAX_SOCKETS", type: "int32", atMost: "maxSocketsLimit", default: "1023",
    doc: "The most sockets the context may have open at once.",
  },
  {
    name: "maxSocketsLimit", zmq: "ZMQ_SOCKET_LIMIT", type: "int32", access: "r",
    doc: "The largest value maxSockets accepts on this system.",
  },
  {
    name: "threadPriority", zmq: "ZMQ_THREAD_PRIORITY", type: "int32", access: "w", default: "-1 (unchanged)",
    doc: "The scheduling priority of the I/O threads, as the OS counts it.",
  },
  {
    name: "threadSchedulingPolicy", zmq: "ZMQ_THREAD_SCHED_POLICY", type: "int32", access: "w", default: "-1 (unchanged)",
    doc: "The scheduling policy of the I/O threads (the OS's number, e.g. SCHED_FIFO's).",
  },
  {
    name: "maxMessageSize", zmq: "ZMQ_MAX_MSGSZ", type: "int32", unit: "bytes", default: "2147483647",
    doc: "The largest message the context's sockets accept.",
  },
  {
    name: "ipv6", zmq: "ZMQ_IPV6", type: "bool", default: "false",
    doc: "The ipv6 option new sockets of the context start with.",
  },
  {
    name: "blocky", zmq: "ZMQ_BLOCKY", type: "bool", default: "true",
    doc: "Whether new sockets linger for ever by default (libzmq's historic behaviour); false gives them a linger of 0.",
  },
] as const satisfies readonly OptionSpec[]

// ---- Types derived from the tables ----

type Spec = (typeof socketOptions)[number]
type ValueOf<S> = S extends {values: readonly (infer V)[]}
  ? V
  : S extends {type: "bool"}
    ? boolean
    : S extends {type: "string"}
      ? string | null
      : number
type Has<S, K extends SocketKind> = S extends {for: "readable"}
  ? SocketTypes[K]["readable"]
  : S extends {for: "writable"}
    ? SocketTypes[K]["writable"]
    : S extends {for: readonly (infer T)[]}
      ? K extends T
        ? true
        : false
      : true
type ReadOnlyNames<K extends SocketKind> = {
  [I in Spec as Has<I, K> extends true ? (I extends {access: "r"} ? I["name"] : never) : never]: ValueOf<I>
}
type MutableNames<K extends SocketKind> = {
  [I in Spec as Has<I, K> extends true ? (I extends {access: "r"} ? never : I["name"]) : never]: ValueOf<I>
}

/** The option properties a socket type has, e.g. `SocketOptionProperties<"Push">`. */
export type SocketOptionProperties<K extends SocketKind> = {
  readonly [N in keyof ReadOnlyNames<K>]: ReadOnlyNames<K>[N]
} & MutableNames<K>
/** The options a socket type's constructor may set: all but the read-only ones. */
export type WritableSocketOptions<K extends SocketKind> = MutableNames<K>

type ContextSpec = (typeof contextOptions)[number]
/**
 * The options a Context's constructor may set: all but the read-only ones. Each is a property
 * of {@link Context}, documented there.
 */
export type WritableContextOptions = {
  [I in ContextSpec as I extends {access: "r"} ? never : I["name"]]: ValueOf<I>
}
/** The option properties of a Context. */
export type ContextOptionProperties = {
  readonly [I in ContextSpec as I extends {access: "r"} ? I["name"] : never]: ValueOf<I>
} & WritableContextOptions

// Every ZMQ_* (and STATE_*) constant zeromq v5 exported: the one list of libzmq numbers the v5
// layer uses, each taken from lib/generated/zmq.ts (the vendored zmq.h), none written here. Some
// names are libzmq's old aliases (ZMQ_XREQ, ZMQ_DELAY_ATTACH_ON_CONNECT, ZMQ_IPV4ONLY);
// ZMQ_RECOVERY_IVL_MSEC is ZMQ_RECOVERY_IVL, as in zeromq v6's v5-compat (libzmq 4 folded the
// two).

// ---- socket types ----
export {
  ZMQ_PAIR,
  ZMQ_PUB,
  ZMQ_SUB,
  ZMQ_REQ,
  ZMQ_REP,
  ZMQ_DEALER,
  ZMQ_XREQ,
  ZMQ_ROUTER,
  ZMQ_XREP,
  ZMQ_PULL,
  ZMQ_PUSH,
  ZMQ_XPUB,
  ZMQ_XSUB,
  ZMQ_STREAM,
} from "../generated/zmq"

// ---- socket options (setsockopt / getsockopt) ----
export {
  ZMQ_AFFINITY,
  ZMQ_IDENTITY,
  ZMQ_SUBSCRIBE,
  ZMQ_UNSUBSCRIBE,
  ZMQ_RATE,
  ZMQ_RECOVERY_IVL,
  ZMQ_RECOVERY_IVL as ZMQ_RECOVERY_IVL_MSEC,
  ZMQ_SNDBUF,
  ZMQ_RCVBUF,
  ZMQ_RCVMORE,
  ZMQ_FD,
  ZMQ_EVENTS,
  ZMQ_TYPE,
  ZMQ_LINGER,
  ZMQ_RECONNECT_IVL,
  ZMQ_BACKLOG,
  ZMQ_RECONNECT_IVL_MAX,
  ZMQ_MAXMSGSIZE,
  ZMQ_SNDHWM,
  ZMQ_RCVHWM,
  ZMQ_MULTICAST_HOPS,
  ZMQ_RCVTIMEO,
  ZMQ_SNDTIMEO,
  ZMQ_IPV4ONLY,
  ZMQ_LAST_ENDPOINT,
  ZMQ_ROUTER_MANDATORY,
  ZMQ_TCP_KEEPALIVE,
  ZMQ_TCP_KEEPALIVE_CNT,
  ZMQ_TCP_KEEPALIVE_IDLE,
  ZMQ_TCP_KEEPALIVE_INTVL,
  ZMQ_TCP_ACCEPT_FILTER,
  ZMQ_DELAY_ATTACH_ON_CONNECT,
  ZMQ_XPUB_VERBOSE,
  ZMQ_ROUTER_RAW,
  ZMQ_IPV6,
  ZMQ_MECHANISM,
  ZMQ_PLAIN_SERVER,
  ZMQ_PLAIN_USERNAME,
  ZMQ_PLAIN_PASSWORD,
  ZMQ_CURVE_SERVER,
  ZMQ_CURVE_PUBLICKEY,
  ZMQ_CURVE_SECRETKEY,
  ZMQ_CURVE_SERVERKEY,
  ZMQ_ZAP_DOMAIN,
  ZMQ_ROUTER_HANDOVER,
  ZMQ_HEARTBEAT_IVL,
  ZMQ_HEARTBEAT_TTL,
  ZMQ_HEARTBEAT_TIMEOUT,
  ZMQ_CONNECT_TIMEOUT,
} from "../generated/zmq"

// ---- context options (Context.setMaxThreads / setMaxSockets) ----
export {ZMQ_IO_THREADS, ZMQ_MAX_SOCKETS} from "../generated/zmq"

// ---- poll states (getsockopt(ZMQ_EVENTS)) ----
export {ZMQ_POLLIN, ZMQ_POLLOUT, ZMQ_POLLERR} from "../generated/zmq"

// ---- send() flags ----
// ZMQ_SNDMORE: more frames of this message follow in the next send() calls. ZMQ_DONTWAIT: fail
// with EAGAIN rather than queue when libzmq cannot take the message now (an addition: zeromq v5
// did not export it, and queued every message).
export {ZMQ_SNDMORE, ZMQ_DONTWAIT} from "../generated/zmq"

// ---- capabilities ----
// zeromq v5 computed these from the libzmq version it was built with: 1 for every libzmq 4.
/**
 * 1: this libzmq has the feature (ZMQ_CAN_MONITOR: `monitor()`, ZMQ_CAN_DISCONNECT:
 * `disconnect()`, ZMQ_CAN_UNBIND: `unbind()`, ZMQ_CAN_SET_CTX: `Context.setMaxThreads()`).
 */
const capable = 1
export {capable as ZMQ_CAN_MONITOR, capable as ZMQ_CAN_DISCONNECT, capable as ZMQ_CAN_UNBIND}
export {capable as ZMQ_CAN_SET_CTX}

// ---- socket states (zeromq v5's own native socket states, not libzmq's) ----
/** zeromq v5's state of a socket that could send: exported for v5's sake, no API gives it. */
export const STATE_READY = 0
/** zeromq v5's state of a socket busy sending: exported for v5's sake, no API gives it. */
export const STATE_BUSY = 1
/** zeromq v5's state of a closed socket: exported for v5's sake, no API gives it. */
export const STATE_CLOSED = 2

// zmq-native: ZeroMQ for Node.js on the real libzmq. Same API as the zeromq v6 package.
import {binding} from "./native"

export {capability, type Capability} from "./capability"
export {Context, context, type ContextCloseOptions} from "./context"
export {Socket, type Message, type MessageLike, type OperationOptions, type SocketOptions} from "./socket"
export {type Readable, type Writable} from "./mixins"
export * from "./sockets"
export {type ErrnoError} from "./errors"
export {
  Observer,
  type Event,
  type EventType,
  type EventOfType,
  type EventFor,
  type EventAddress,
  type EventError,
  type EventInterval,
  type AuthError,
  type ProtoError,
  type WaitForOptions,
} from "./events"
export {Proxy} from "./proxy"
export {Poller, type PollItem, type PollInterest, type PollOptions} from "./poller"
export {sendJson, receiveJson, sendString, receiveString, type TextSender, type FrameReceiver} from "./codec"
export {type SocketKind, type SocketOptionProperties} from "./options"
export * from "./auth"
export {standardProperties, type MessageWithMetadata, type MetadataReceiveOptions} from "./metadata"

/** libzmq's version, e.g. "4.3.5". */
export const version: string = binding.version()

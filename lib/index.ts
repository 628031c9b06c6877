// zmq-native: ZeroMQ for Node.js on the real libzmq. Same API as the zeromq v6 package.
/// <reference types="node" preserve="true" />
import {binding} from "./native"

export {capability, type Capability} from "./capability"
export {Context, context, type ContextCloseOptions} from "./context"
export {
  Socket,
  type Message,
  type MessageLike,
  type OperationOptions,
  type SocketOptions,
  type BaseSocketOptions,
  type Readable,
  type ReadableInto,
  type Writable,
} from "./socket"
export * from "./sockets"
export {type ErrnoError} from "./errors"
export {Observer, type EventSubscriber} from "./observer"
export {
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
export {type SocketOptionProperties, type WritableSocketOptions, type WritableContextOptions} from "./options"
// The generated bases that hold the option accessors and operations: types only, so that the
// API report and users' editors see every member (there are no such classes to import).
export type {SocketBase, ContextBase} from "./generated/options"
export type {RawSocketOptions, RawContextOptions} from "./core/raw-options"
export type {
  PairBase,
  PublisherBase,
  SubscriberBase,
  RequestBase,
  ReplyBase,
  DealerBase,
  RouterBase,
  PullBase,
  PushBase,
  XPublisherBase,
  XSubscriberBase,
  StreamBase,
} from "./generated/sockets"
export {type SocketKind} from "./socket-types"
export * from "./auth"
export {standardProperties, type MessageWithMetadata, type MetadataReceiveOptions} from "./metadata"

/** libzmq's version, e.g. "4.3.5". */
export const version: string = binding.version()

// The generated option accessors (lib/generated/) against the option types the compiler derives
// from the tables (SocketOptionProperties): for every socket type, the same option names, value
// types and read-only-ness. Type-checked only (never run): a mismatch is a compile error here.
import * as zmq from "zmq-native"
import * as draft from "zmq-native/draft"
import type {SocketKind, SocketOptionProperties} from "zmq-native"

type Expand<T> = {[K in keyof T]: T[K]}
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type OptionName = {[K in SocketKind]: keyof SocketOptionProperties<K>}[SocketKind]
type OptionsOf<C> = Expand<Pick<C, Extract<keyof C, OptionName>>>
type Agrees<K extends SocketKind, C> = Equal<OptionsOf<C>, Expand<SocketOptionProperties<K>>>

const classes = {...zmq, ...draft}
type Classes = typeof classes

export const agreement: {[K in SocketKind]: Agrees<K, InstanceType<Classes[K]>>} = {
  Pair: true,
  Publisher: true,
  Subscriber: true,
  Request: true,
  Reply: true,
  Dealer: true,
  Router: true,
  Pull: true,
  Push: true,
  XPublisher: true,
  XSubscriber: true,
  Stream: true,
  Server: true,
  Client: true,
  Radio: true,
  Dish: true,
  Gather: true,
  Scatter: true,
  Datagram: true,
  Peer: true,
  Channel: true,
}

// Socket construction: every socket class, the Socket base class and subclasses of it, the
// options object (wrong types, unknown and read-only keys, context), and what a new socket is.
import {binding} from "../../../../lib/native"
import type {Row} from "../table"

export const socketClasses = [
  "Pair",
  "Publisher",
  "Subscriber",
  "Request",
  "Reply",
  "Dealer",
  "Router",
  "Pull",
  "Push",
  "XPublisher",
  "XSubscriber",
  "Stream",
]
export const draftClasses = ["Server", "Client", "Radio", "Dish", "Gather", "Scatter", "Datagram"]

/** A socket class of either package by name (draft ones from its draft module). */
export function classOf(zmq: any, name: string): any {
  return draftClasses.includes(name) ? zmq.draft[name] : zmq[name]
}

const perClass = (name: string): Row[] => [
  {
    name: `${name}: a new socket`,
    run: (zmq, t) => {
      const socket = t.track(new (classOf(zmq, name))())
      return [
        socket.constructor.name,
        socket instanceof zmq.Socket,
        socket.closed,
        socket.context === zmq.context,
        socket.type,
        socket.lastEndpoint,
        socket.events.constructor.name,
      ]
    },
  },
  {
    name: `${name}: options in the constructor`,
    run: (zmq, t) => {
      const socket = t.track(new (classOf(zmq, name))({linger: 123, reconnectInterval: 77}))
      return [socket.linger, socket.reconnectInterval]
    },
  },
  {name: `${name}: options not an object`, run: zmq => new (classOf(zmq, name))(5)},
  {name: `${name}: options null`, run: zmq => new (classOf(zmq, name))(null)},
  // zeromq v6 segfaults at exit after a constructor whose options failed.
  {
    name: `${name}: an unknown option`,
    run: zmq => new (zmq[name] ?? zmq.draft[name])({bogus: 1}),
    differs: {because: "v6-crashes"},
    closure: {name},
  },
  {
    name: `${name}: a read-only option`,
    run: zmq => new (zmq[name] ?? zmq.draft[name])({type: 1}),
    differs: {because: "v6-crashes"},
    closure: {name},
  },
  {
    name: `${name}: an option of the wrong type`,
    run: zmq => new (zmq[name] ?? zmq.draft[name])({linger: "x"}),
    differs: {because: "v6-crashes"},
    closure: {name},
  },
]

/**
 * Assigning a property that has only a getter, as a program does: in strict mode V8's TypeError
 * naming the class that holds the getter ("Cannot set property type of #<Socket> which has
 * only a getter"), in sloppy mode nothing (the value stays). In child processes: run from
 * jest's realm, V8 names zeromq v6's holder "[object Object]" instead, as it was made in Node's
 * main realm (its Object.prototype.toString is not the realm's own).
 */
export function readOnlyRow(name: string, target: "socket" | "context", key: string): Row {
  return {
    name,
    run: async (zmq, t) => {
      const object = target === "socket" ? t.track(new zmq.Pair()) : new zmq.Context()
      const before = object[key]
      const strict = await t.settle(function assign() {
        "use strict"
        object[key] = 5
      })
      object[key] = 5 // the scenario runs in sloppy mode in the child
      return [strict, object[key] === before]
    },
    isolated: true,
    closure: {target, key},
  }
}

// v6's Error "Invalid argument", with a code.
const notAContext = {
  because: "coded-errors",
  ours: {throws: {class: "Error", message: "Invalid argument", code: "EINVAL", errno: binding.errnos.EINVAL}},
} as const

export const constructRows: Row[] = [
  ...[...socketClasses, ...draftClasses].flatMap(perClass),
  {name: "new Socket()", run: zmq => new zmq.Socket()},
  {name: 'new Socket("x")', run: zmq => new zmq.Socket("x")},
  {name: "new Socket(99): unknown type", run: zmq => new zmq.Socket(99)},
  {name: "new Socket(-1)", run: zmq => new zmq.Socket(-1)},
  {name: "new Socket(0, 5)", run: zmq => new zmq.Socket(0, 5)},
  {
    name: "new Socket(type, options)",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Socket(5, {linger: 9}))
      return [socket.constructor.name, socket.type, socket.linger, socket instanceof zmq.Socket]
    },
  },
  {
    name: "a subclass of Socket",
    run: (zmq, t) => {
      class Mine extends zmq.Socket {
        constructor(options?: object) {
          super(1, options)
        }
      }
      const socket = t.track(new Mine({linger: 4}))
      return [socket.constructor.name, socket.type, socket.linger, socket instanceof zmq.Socket]
    },
  },
  {
    name: "a subclass of Dealer with a raw option accessor (v6 README)",
    run: (zmq, t) => {
      class MyDealer extends zmq.Dealer {
        get sendHighWaterMark(): number {
          return this.getInt32Option(23)
        }
        set sendHighWaterMark(value: number) {
          this.setInt32Option(23, value)
        }
      }
      const socket = t.track(new (MyDealer as any)({sendHighWaterMark: 456}))
      return [socket.sendHighWaterMark, socket.getInt32Option(23)]
    },
  },
  {
    name: "a socket is sealed: adding a property",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      socket.extra = 1
    },
  },
  {
    name: "a socket is sealed: Object.isExtensible",
    run: (zmq, t) => Object.isExtensible(t.track(new zmq.Pair())),
  },
  readOnlyRow("setting a read-only option", "socket", "type"),
  readOnlyRow("setting lastEndpoint", "socket", "lastEndpoint"),
  {
    name: "options.context: a Context",
    run: (zmq, t) => {
      const context = new zmq.Context()
      const socket = t.track(new zmq.Dealer({context}))
      return [socket.context === context, socket.context === zmq.context]
    },
  },
  {
    name: "options.context: a number",
    run: zmq => new zmq.Dealer({context: 5}),
    differs: notAContext,
  },
  {
    name: "options.context: a plain object",
    run: zmq => new zmq.Dealer({context: {}}),
    differs: notAContext,
  },
  {name: "options.context: null", run: zmq => new zmq.Dealer({context: null}), differs: notAContext},
  {
    name: "options.context: undefined",
    run: (zmq, t) => t.track(new zmq.Dealer({context: undefined})).context === zmq.context,
    differs: notAContext,
  },
  {
    name: "options: undefined values",
    run: (zmq, t) => t.track(new zmq.Dealer({linger: undefined})).linger,
    differs: {because: "v6-crashes"},
  },
  {
    name: "options: inherited keys are ignored",
    run: (zmq, t) => t.track(new zmq.Dealer(Object.create({linger: 5}))).linger,
  },
  {
    name: "options applied in order: routingId on a Router",
    run: (zmq, t) => t.track(new zmq.Router({routingId: "me", mandatory: true})).routingId,
  },
  readOnlyRow("socket.context is read-only", "socket", "context"),
  readOnlyRow("socket.events is read-only", "socket", "events"),
  {
    name: "socket.events is the same observer each time",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Pair())
      return socket.events === socket.events
    },
  },
]

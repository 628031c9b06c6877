// The raw option accessors by libzmq option number (get/setBoolOption, …Int32, Uint32, Int64,
// Uint64, String) that code setting an option without a typed accessor uses.
import type {Row} from "../table"

// [accessor type, an option of that type, a value to set, a value of the wrong type]
const accessors: [string, number, unknown, unknown][] = [
  ["Bool", 39, true, 1], // ZMQ_IMMEDIATE
  ["Int32", 17, 250, "x"], // ZMQ_LINGER
  ["Uint32", 57, 16, "x"], // ZMQ_TOS
  ["Int64", 22, 2 ** 40, "x"], // ZMQ_MAXMSGSIZE
  ["Uint64", 4, 3, "x"], // ZMQ_AFFINITY
  ["String", 5, "name", 5], // ZMQ_ROUTING_ID
]

const perAccessor = ([type, option, good, wrong]: [string, number, unknown, unknown]): Row[] => [
  {
    name: `get${type}Option: the default`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`get${type}Option`](option),
  },
  {
    name: `set${type}Option then get${type}Option`,
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      const set = socket[`set${type}Option`](option, good)
      return [set, socket[`get${type}Option`](option)]
    },
  },
  {
    name: `get${type}Option(): no argument`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`get${type}Option`](),
  },
  {
    name: `get${type}Option("17"): not a number`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`get${type}Option`]("17"),
  },
  {
    name: `get${type}Option(9999): unknown option`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`get${type}Option`](9999),
  },
  {
    name: `set${type}Option(option): no value`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`set${type}Option`](option),
  },
  {
    name: `set${type}Option(option, wrong type)`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`set${type}Option`](option, wrong),
  },
  {
    name: `set${type}Option(9999, value): unknown option`,
    run: (zmq, t) => t.track(new zmq.Dealer())[`set${type}Option`](9999, good),
  },
  {
    name: `set${type}Option on a closed socket`,
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.close()
      return socket[`set${type}Option`](option, good)
    },
  },
  {
    name: `get${type}Option on a closed socket`,
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.close()
      return socket[`get${type}Option`](option)
    },
  },
  {
    name: `set${type}Option after bind`,
    run: async (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      await socket.bind(t.endpoint("inproc"))
      socket[`set${type}Option`](option, good)
    },
  },
  {
    name: `get${type}Option: a function on every socket type`,
    run: zmq => [
      typeof zmq.Socket.prototype[`get${type}Option`],
      typeof zmq.Socket.prototype[`set${type}Option`],
    ],
  },
]

export const rawOptionRows: Row[] = [
  ...accessors.flatMap(perAccessor),
  {
    name: "setStringOption: a Buffer",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setStringOption(5, Buffer.from([0x61, 0x62]))
      return socket.getStringOption(5)
    },
  },
  {
    name: "setStringOption: null",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer({routingId: "x"}))
      socket.setStringOption(5, null)
      return socket.getStringOption(5)
    },
  },
  {
    name: "setStringOption: subscribe by number (ZMQ_SUBSCRIBE)",
    run: (zmq, t) => t.track(new zmq.Subscriber()).setStringOption(6, "topic"),
  },
  {
    name: "getStringOption of a write-only option (ZMQ_SUBSCRIBE)",
    run: (zmq, t) => t.track(new zmq.Subscriber()).getStringOption(6),
  },
  {
    name: "setUint64Option: beyond 2^53 warns",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setUint64Option(4, 2 ** 60)
      return socket.getUint64Option(4)
    },
  },
  {
    name: "setUint64Option: negative",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setUint64Option(4, -1)
      return socket.getUint64Option(4)
    },
  },
  {
    name: "setUint32Option: negative",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setUint32Option(57, -1)
      return socket.getUint32Option(57)
    },
  },
  {
    name: "setInt32Option: a fraction",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setInt32Option(17, 2.7)
      return socket.getInt32Option(17)
    },
  },
  {
    name: "getInt32Option of an int64 option (ZMQ_MAXMSGSIZE)",
    run: (zmq, t) => t.track(new zmq.Dealer()).getInt32Option(22),
  },
  {
    name: "setBoolOption on an int32 option (ZMQ_LINGER)",
    run: (zmq, t) => {
      const socket = t.track(new zmq.Dealer())
      socket.setBoolOption(17, true)
      return socket.getInt32Option(17)
    },
  },
  {
    name: "raw accessors: a subclass's typed accessor round trip",
    run: (zmq, t) => {
      class Tos extends zmq.Dealer {
        get tos(): number {
          return this.getUint32Option(57)
        }
        set tos(value: number) {
          this.setUint32Option(57, value)
        }
      }
      const socket = t.track(new (Tos as any)({tos: 4}))
      return socket.tos
    },
  },
]

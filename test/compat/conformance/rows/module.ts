// The module's exports, version, capability, curveKeyPair, and contexts with their options.
import type {Row} from "../table"
import {readOnlyRow} from "./construct"

// Context options as zeromq v6 has them, with a value libzmq accepts and one of the wrong type.
export const contextOptions: [name: string, good: unknown, wrong: unknown][] = [
  ["ioThreads", 2, "x"],
  ["maxSockets", 64, "x"],
  ["maxMessageSize", 4096, "x"],
  ["ipv6", true, 1],
  ["blocky", false, "yes"],
  ["threadPriority", 1, "x"],
  ["threadSchedulingPolicy", 0, "x"],
]

export const moduleRows: Row[] = [
  {
    name: "version is libzmq's dotted version",
    run: zmq => [typeof zmq.version, /^\d+\.\d+\.\d+$/.test(zmq.version)],
  },
  {
    name: "capability: v6's flags",
    run: zmq => {
      const {ipc, pgm, tipc, norm, curve, gssapi, draft} = zmq.capability
      return {ipc, curve, draft, types: [pgm, tipc, norm, gssapi].map(flag => typeof flag)}
    },
  },
  {
    name: "curveKeyPair: two 40-character Z85 keys",
    run: zmq => {
      const pair = zmq.curveKeyPair()
      return [Object.keys(pair).sort(), pair.publicKey.length, pair.secretKey.length, typeof pair.publicKey]
    },
  },
  {
    name: "curveKeyPair: two calls give different keys",
    run: zmq => zmq.curveKeyPair().secretKey !== zmq.curveKeyPair().secretKey,
  },
  {
    name: "context is the default Context",
    run: zmq => [zmq.context instanceof zmq.Context, zmq.context.constructor.name],
  },
  {
    name: "default context: option values",
    run: zmq => contextOptions.map(([name]) => zmq.context[name]),
  },
  {
    name: "default context: maxSocketsLimit",
    run: zmq => typeof zmq.context.maxSocketsLimit,
  },
  {
    name: "new Context(): option defaults",
    run: zmq => {
      const context = new zmq.Context()
      return [...contextOptions.map(([name]) => context[name]), context.maxSocketsLimit > 0]
    },
  },
  {
    name: "new Context(options) applies them",
    run: zmq => {
      const context = new zmq.Context({ioThreads: 3, maxSockets: 77, blocky: false, ipv6: true})
      return [context.ioThreads, context.maxSockets, context.blocky, context.ipv6]
    },
  },
  {name: "new Context(5)", run: zmq => new zmq.Context(5)},
  {name: "new Context(null)", run: zmq => new zmq.Context(null)},
  {name: 'new Context("x")', run: zmq => new zmq.Context("x")},
  {name: "new Context(undefined)", run: zmq => new zmq.Context(undefined).ioThreads},
  // zeromq v6 segfaults at exit after a constructor whose options failed.
  {
    name: "new Context({unknown})",
    run: zmq => new zmq.Context({unknown: 1}),
    differs: {because: "v6-crashes"},
  },
  {
    name: "new Context({maxSocketsLimit}): read-only",
    run: zmq => new zmq.Context({maxSocketsLimit: 1}),
    differs: {because: "v6-crashes"},
  },
  {
    name: "new Context({ioThreads: 'x'})",
    run: zmq => new zmq.Context({ioThreads: "x"}),
    differs: {because: "v6-crashes"},
  },
  {
    name: "new Context({ioThreads: -1})",
    run: zmq => new zmq.Context({ioThreads: -1}),
    differs: {because: "v6-crashes"},
  },
  readOnlyRow("Context: setting maxSocketsLimit", "context", "maxSocketsLimit"),
  {name: "Context: adding a property", run: zmq => Object.isExtensible(new zmq.Context())},
  ...contextOptions.flatMap(([name, good, wrong]): Row[] => [
    {
      name: `Context.${name}: set and read back`,
      run: zmq => {
        const context = new zmq.Context()
        context[name] = good
        return context[name]
      },
    },
    {
      name: `Context.${name}: wrong type`,
      run: zmq => {
        new zmq.Context()[name] = wrong
      },
    },
    {
      name: `Context.${name}: undefined`,
      run: zmq => {
        new zmq.Context()[name] = undefined
      },
    },
  ]),
  ...["ioThreads", "maxSockets", "maxMessageSize"].map((name): Row => ({
    name: `Context.${name}: negative`,
    run: zmq => {
      new zmq.Context()[name] = -5
    },
  })),
  {
    name: "Context: raw accessors by libzmq number",
    run: zmq => {
      const context = new zmq.Context()
      context.setInt32Option(1, 2)
      context.setBoolOption(70, false)
      return [context.getInt32Option(1), context.getBoolOption(70), context.getInt32Option(2)]
    },
  },
  {
    name: "Context: raw accessors that contexts lack",
    run: zmq => {
      const context = new zmq.Context()
      return ["Uint32", "Int64", "Uint64", "String"].map(type => typeof context[`get${type}Option`])
    },
  },
  {name: "Context.getInt32Option()", run: zmq => new zmq.Context().getInt32Option()},
  {name: 'Context.getInt32Option("x")', run: zmq => new zmq.Context().getInt32Option("x")},
  {name: "Context.getInt32Option(9999)", run: zmq => new zmq.Context().getInt32Option(9999)},
  {name: "Context.setInt32Option(1)", run: zmq => new zmq.Context().setInt32Option(1)},
  {name: 'Context.setInt32Option(1, "x")', run: zmq => new zmq.Context().setInt32Option(1, "x")},
  {name: "Context.setInt32Option(9999, 1)", run: zmq => new zmq.Context().setInt32Option(9999, 1)},
  {name: "Context.setBoolOption(70, 1)", run: zmq => new zmq.Context().setBoolOption(70, 1)},
  {name: "Context.setBoolOption(70)", run: zmq => new zmq.Context().setBoolOption(70)},
  {name: "Context.getBoolOption()", run: zmq => new zmq.Context().getBoolOption()},
]

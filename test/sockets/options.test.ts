// Every option of the table on every socket type that has it: round trip (or, write-only or
// unreadable, set without error), read-only assignment throws, and bad values name the option.
import * as zmq from "../../lib"
import {socketOptions, contextOptions} from "../../lib/options"
import {socketTypes, type SocketKind} from "../../lib/socket-types"
import {ZMQ_DEALER} from "../../lib/generated/zmq"
import {closeAfterEach} from "../helpers"

type Spec = {
  name: string
  type: string
  access?: string
  unreadable?: string
  for?: "readable" | "writable" | readonly string[]
  values?: readonly (string | null)[]
}

// The standard types (the draft ones have their own tests).
const kinds = (Object.keys(socketTypes) as SocketKind[]).filter(kind => !socketTypes[kind].draft)

function applies(spec: Spec, kind: SocketKind): boolean {
  if (spec.for === undefined) return true
  if (spec.for === "readable" || spec.for === "writable") return socketTypes[kind][spec.for]
  return spec.for.includes(kind)
}

const keys = zmq.curveKeyPair()

// A value libzmq accepts for options where the generic one would not do.
const sample: Record<string, unknown> = {
  curvePublicKey: keys.publicKey,
  curveSecretKey: keys.secretKey,
  curveServerKey: keys.publicKey,
  tcpAcceptFilter: "127.0.0.1",
  socksProxy: "127.0.0.1:1080",
  interface: "lo",
  tcpKeepalive: 1,
  routerNotify: 3,
  heartbeatTimeToLive: 2000,
  maxMessageSize: 2 ** 40,
  affinity: 2 ** 40,
  vmciBufferSize: 2 ** 20,
  vmciBufferMinSize: 1024,
  vmciBufferMaxSize: 2 ** 21,
  gssapiPrincipalNameType: "userName",
  gssapiServicePrincipalNameType: "krb5Principal",
}

function sampleFor(spec: Spec): unknown {
  if (spec.name in sample) return sample[spec.name]
  if (spec.values) return spec.values[1]
  switch (spec.type) {
    case "bool":
      return true
    case "string":
      return `v-${spec.name}`
    default:
      return 1234
  }
}

// Options libzmq only has with a feature this build lacks: setting them is an EINVAL from
// libzmq, which is what the test then checks.
const needs: Record<string, boolean> = {}
for (const name of [
  "gssapiServer",
  "gssapiPrincipal",
  "gssapiServicePrincipal",
  "gssapiPlainText",
  "gssapiPrincipalNameType",
  "gssapiServicePrincipalNameType",
]) {
  needs[name] = zmq.capability.gssapi
}
for (const name of ["vmciBufferSize", "vmciBufferMinSize", "vmciBufferMaxSize", "vmciConnectTimeout"]) {
  needs[name] = false
}

const rows: [string, string, Spec][] = []
for (const kind of kinds) {
  for (const spec of socketOptions as readonly Spec[]) {
    if (!applies(spec, kind)) continue
    rows.push([kind, spec.name, spec])
  }
}

describe("socket options", () => {
  const use = closeAfterEach()
  const make = (kind: string, options?: object): any => use(new (zmq as any)[kind](options))

  it.each(rows)("%s %s", (kind, _name, spec) => {
    const socket = make(kind)
    const descriptor = findDescriptor(socket, spec.name)
    expect(descriptor).toBeDefined()
    if (spec.access === "r") {
      expect(descriptor!.set).toBeUndefined()
      expect(() => {
        socket[spec.name] = sampleFor(spec)
      }).toThrow(TypeError)
      expect(() => socket[spec.name]).not.toThrow()
      return
    }
    const value = sampleFor(spec)
    if (needs[spec.name] === false) {
      expect(() => {
        socket[spec.name] = value
      }).toThrow(expect.objectContaining({code: "EINVAL"}))
      return
    }
    socket[spec.name] = value
    if (spec.access === "w") {
      expect(descriptor!.get).toBeUndefined()
      return
    }
    if (spec.unreadable) {
      // v6's getter, and v6's error: libzmq refuses to read it.
      const refused = {code: "EINVAL", errno: 22, message: "Invalid argument"}
      expect(() => socket[spec.name]).toThrow(expect.objectContaining(refused))
      expect(() => make(kind, {[spec.name]: value})[spec.name]).toThrow(expect.objectContaining(refused))
      return
    }
    expect(socket[spec.name]).toEqual(value)
    // The constructor takes the same option.
    expect(make(kind, {[spec.name]: value})[spec.name]).toEqual(value)
  })

  it("read-only values make sense", async () => {
    const socket = make("Dealer")
    expect(socket.type).toBe(ZMQ_DEALER)
    expect(socket.threadSafe).toBe(false)
    expect(socket.securityMechanism).toBe(null)
    expect(socket.lastEndpoint).toBe(null)
    await socket.bind("tcp://127.0.0.1:*")
    expect(socket.lastEndpoint).toMatch(/^tcp:\/\/127\.0\.0\.1:\d+$/)
    socket.plainServer = true
    expect(socket.securityMechanism).toBe("plain")
  })

  it("a string option takes null: an empty value, where libzmq allows it", () => {
    const socket = make("Dealer", {plainUsername: "x"})
    expect(socket.securityMechanism).toBe("plain")
    // libzmq takes an empty PLAIN user name as "back to the NULL mechanism".
    socket.plainUsername = null
    expect(socket.securityMechanism).toBe(null)
    socket.tcpAcceptFilter = null
    // libzmq refuses an empty ZAP domain.
    expect(() => (socket.zapDomain = null)).toThrow(expect.objectContaining({code: "EINVAL"}))
  })

  it("an unknown option in the constructor is v6's TypeError naming it", () => {
    const unknown = (key: string) => new TypeError(`Cannot add property ${key}, object is not extensible`)
    expect(() => new zmq.Dealer({bogus: 1} as any)).toThrow(unknown("bogus"))
    // An option of another socket type is unknown here too.
    expect(() => new zmq.Pull({sendHighWaterMark: 1} as any)).toThrow(unknown("sendHighWaterMark"))
    // Read-only options cannot be given.
    expect(() => new zmq.Pull({type: 1} as any)).toThrow(
      new TypeError("Cannot set property type of #<Socket> which has only a getter"),
    )
    expect(() => new zmq.Pull(5 as any)).toThrow(new TypeError("Options must be an object (got number 5)"))
  })

  it("a read-only property: V8's TypeError naming Socket or Context (as v6's) in strict mode, ignored in sloppy mode", () => {
    const socket = make("Pair")
    const context = new zmq.Context()
    const readOnly = (key: string, owner: string) =>
      new TypeError(`Cannot set property ${key} of #<${owner}> which has only a getter`)
    for (const key of ["type", "lastEndpoint", "context", "events"]) {
      expect(() => ((socket as any)[key] = 5)).toThrow(readOnly(key, "Socket"))
    }
    expect(() => ((context as any).maxSocketsLimit = 5)).toThrow(readOnly("maxSocketsLimit", "Context"))
    // Sloppy mode (a Function body is not a module's): the assignment does nothing.
    const assign = new Function("object", "key", "object[key] = 5; return object[key]")
    expect(assign(socket, "type")).toBe(socket.type)
    expect(assign(context, "maxSocketsLimit")).toBe(context.maxSocketsLimit)
  })

  it.each([
    ["linger", "100", "a number"],
    ["immediate", 1, "a boolean"],
    ["routingId", 5, "a string or buffer"],
  ])("%s = %p is a TypeError in v6's words, naming the option", (name, value, expected) => {
    const socket = make("Dealer")
    const message = new RegExp(`^Option value must be ${expected} \\(${name}: `)
    expect(() => {
      socket[name] = value
    }).toThrow(message)
    expect(() => new zmq.Dealer({[name]: value})).toThrow(message)
  })

  it("numbers are converted as zeromq v6 converts them", () => {
    const socket = make("Dealer")
    socket.linger = 1.5
    expect(socket.linger).toBe(1)
    // int32 wraps, uint32 takes the same bits, uint64 makes a negative value 0.
    socket.linger = 2 ** 32 + 7
    expect(socket.linger).toBe(7)
    socket.typeOfService = 2 ** 32 + 8
    expect(socket.typeOfService).toBe(8)
    socket.affinity = -1
    expect(socket.affinity).toBe(0)
  })

  it("warns, as v6, when a setting reaches only later connections", async () => {
    const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined)
    try {
      const socket = make("Dealer")
      socket.rate = 10
      await socket.bind("inproc://options-late")
      socket.linger = 0 // applies at once: no warning
      socket.rate = 20
      socket.affinity = 2 ** 60
      expect(warn.mock.calls.map(([warning]) => warning)).toEqual([
        "Socket option will not take effect until next connect/bind.",
        "Value is larger than Number.MAX_SAFE_INTEGER and may have been rounded inaccurately.",
        "Socket option will not take effect until next connect/bind.",
      ])
    } finally {
      warn.mockRestore()
    }
  })

  it("an unknown named value is refused by libzmq (EINVAL), as in v6", () => {
    const socket = make("Dealer")
    expect(() => (socket.gssapiPrincipalNameType = "nope")).toThrow(expect.objectContaining({code: "EINVAL"}))
  })

  it("a value libzmq rejects is an error with code EINVAL", () => {
    const socket = make("Dealer")
    expect(() => (socket.curvePublicKey = "short")).toThrow(
      expect.objectContaining({code: "EINVAL", errno: expect.any(Number)}),
    )
    expect(() => (socket.multicastHops = 0)).toThrow(expect.objectContaining({code: "EINVAL"}))
    expect(() => new zmq.Dealer({curveSecretKey: "x"})).toThrow(expect.objectContaining({code: "EINVAL"}))
  })

  it("XPublisher verbosity takes null, allSubs or allSubsUnsubs only", () => {
    const socket = make("XPublisher")
    socket.verbosity = "allSubsUnsubs"
    socket.verbosity = null
    socket.verbosity = "loud" // ignored, as in zeromq v6
  })
})

describe("context options", () => {
  it.each(contextOptions as readonly Spec[])("$name", spec => {
    const context = new zmq.Context() as any
    try {
      if (spec.access === "r") {
        expect(context[spec.name]).toBeGreaterThan(0)
        expect(() => (context[spec.name] = 1)).toThrow(TypeError)
        return
      }
      const value =
        spec.type === "bool"
          ? !context[spec.name]
          : spec.name === "ioThreads"
            ? 3
            : spec.name === "threadPriority"
              ? 1
              : 256
      if (spec.name === "threadSchedulingPolicy" || spec.name === "threadPriority") {
        // Write-only; the values apply to the I/O threads when they start.
        context[spec.name] = value
        expect(findDescriptor(context, spec.name)!.get).toBeUndefined()
        return
      }
      context[spec.name] = value
      expect(context[spec.name]).toBe(value)
      expect((new zmq.Context({[spec.name]: value}) as any)[spec.name]).toBe(value)
    } finally {
      void context.close()
    }
  })

  it("bad context options name the option", () => {
    expect(() => new zmq.Context({bogus: 1} as any)).toThrow(/^Cannot add property bogus, /)
    expect(() => new zmq.Context({ioThreads: "2"} as any)).toThrow(
      /^Option value must be a number \(ioThreads: /,
    )
    expect(() => new zmq.Context({ioThreads: -1})).toThrow(expect.objectContaining({code: "EINVAL"}))
  })

  it("close({timeout}) terminates a context with sockets still open", async () => {
    const context = new zmq.Context()
    const pull = new zmq.Pull({context})
    const push = new zmq.Push({context, linger: -1})
    await pull.bind("inproc://ctx-close")
    push.connect("tcp://127.0.0.1:1") // never connects: the queued message would linger forever
    const stuck = push.send("stuck")
    const pending = expect(pull.receive()).rejects.toMatchObject({code: "EAGAIN"})
    const started = Date.now()
    await context.close({timeout: 50})
    expect(Date.now() - started).toBeLessThan(5000)
    expect(pull.closed).toBe(true)
    expect(push.closed).toBe(true)
    await pending
    await expect(stuck).resolves.toBeUndefined()
    expect(() => new zmq.Pull({context})).toThrow(expect.objectContaining({code: "ETERM"}))
    await expect(context.close({timeout: -1})).rejects.toThrow(RangeError)
  })
})

function findDescriptor(object: object, key: string): PropertyDescriptor | undefined {
  for (let p = Object.getPrototypeOf(object); p; p = Object.getPrototypeOf(p)) {
    const descriptor = Object.getOwnPropertyDescriptor(p, key)
    if (descriptor) return descriptor
  }
  return undefined
}

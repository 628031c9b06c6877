// Typed use of every class, socket option, event and exported type of zeromq v6, as code
// written against v6's typings has it. Compiled only (by types.test.ts, against zeromq v6 and
// against zmq-native), never run.
import {
  Context,
  Dealer,
  Observer,
  Pair,
  Proxy,
  Publisher,
  Pull,
  Push,
  Reply,
  Request,
  Router,
  Socket,
  Stream,
  Subscriber,
  XPublisher,
  XSubscriber,
  capability,
  context,
  curveKeyPair,
  version,
  type Event,
  type EventOfType,
  type EventSubscriber,
  type EventType,
  type Message,
  type MessageLike,
  type Readable,
  type RouterConnectOptions,
  type SocketOptions,
  type StreamConnectOptions,
  type Writable,
} from "zeromq"

export function everySocketOption(socket: Dealer): void {
  const affinity: number = socket.affinity
  socket.affinity = affinity
  const rate: number = socket.rate
  socket.rate = rate
  const recoveryInterval: number = socket.recoveryInterval
  socket.recoveryInterval = recoveryInterval
  const linger: number = socket.linger
  socket.linger = linger
  const reconnectInterval: number = socket.reconnectInterval
  socket.reconnectInterval = reconnectInterval
  const backlog: number = socket.backlog
  socket.backlog = backlog
  const reconnectMaxInterval: number = socket.reconnectMaxInterval
  socket.reconnectMaxInterval = reconnectMaxInterval
  const maxMessageSize: number = socket.maxMessageSize
  socket.maxMessageSize = maxMessageSize
  const tcpKeepalive: number = socket.tcpKeepalive
  socket.tcpKeepalive = tcpKeepalive
  const tcpKeepaliveCount: number = socket.tcpKeepaliveCount
  socket.tcpKeepaliveCount = tcpKeepaliveCount
  const tcpKeepaliveIdle: number = socket.tcpKeepaliveIdle
  socket.tcpKeepaliveIdle = tcpKeepaliveIdle
  const tcpKeepaliveInterval: number = socket.tcpKeepaliveInterval
  socket.tcpKeepaliveInterval = tcpKeepaliveInterval
  const typeOfService: number = socket.typeOfService
  socket.typeOfService = typeOfService
  const handshakeInterval: number = socket.handshakeInterval
  socket.handshakeInterval = handshakeInterval
  const heartbeatInterval: number = socket.heartbeatInterval
  socket.heartbeatInterval = heartbeatInterval
  const heartbeatTimeToLive: number = socket.heartbeatTimeToLive
  socket.heartbeatTimeToLive = heartbeatTimeToLive
  const heartbeatTimeout: number = socket.heartbeatTimeout
  socket.heartbeatTimeout = heartbeatTimeout
  const connectTimeout: number = socket.connectTimeout
  socket.connectTimeout = connectTimeout
  const tcpMaxRetransmitTimeout: number = socket.tcpMaxRetransmitTimeout
  socket.tcpMaxRetransmitTimeout = tcpMaxRetransmitTimeout
  const multicastMaxTransportDataUnit: number = socket.multicastMaxTransportDataUnit
  socket.multicastMaxTransportDataUnit = multicastMaxTransportDataUnit
  const vmciBufferSize: number = socket.vmciBufferSize
  socket.vmciBufferSize = vmciBufferSize
  const vmciBufferMinSize: number = socket.vmciBufferMinSize
  socket.vmciBufferMinSize = vmciBufferMinSize
  const vmciBufferMaxSize: number = socket.vmciBufferMaxSize
  socket.vmciBufferMaxSize = vmciBufferMaxSize
  const vmciConnectTimeout: number = socket.vmciConnectTimeout
  socket.vmciConnectTimeout = vmciConnectTimeout
  const immediate: boolean = socket.immediate
  socket.immediate = !immediate
  const ipv6: boolean = socket.ipv6
  socket.ipv6 = !ipv6
  const plainServer: boolean = socket.plainServer
  socket.plainServer = !plainServer
  const curveServer: boolean = socket.curveServer
  socket.curveServer = !curveServer
  const gssapiServer: boolean = socket.gssapiServer
  socket.gssapiServer = !gssapiServer
  const gssapiPlainText: boolean = socket.gssapiPlainText
  socket.gssapiPlainText = !gssapiPlainText
  const zapEnforceDomain: boolean = socket.zapEnforceDomain
  socket.zapEnforceDomain = !zapEnforceDomain
  const loopbackFastPath: boolean = socket.loopbackFastPath
  socket.loopbackFastPath = !loopbackFastPath
  const tcpAcceptFilter: string | null = socket.tcpAcceptFilter
  socket.tcpAcceptFilter = tcpAcceptFilter
  const plainUsername: string | null = socket.plainUsername
  socket.plainUsername = plainUsername
  const plainPassword: string | null = socket.plainPassword
  socket.plainPassword = plainPassword
  const curvePublicKey: string | null = socket.curvePublicKey
  socket.curvePublicKey = curvePublicKey
  const curveSecretKey: string | null = socket.curveSecretKey
  socket.curveSecretKey = curveSecretKey
  const curveServerKey: string | null = socket.curveServerKey
  socket.curveServerKey = curveServerKey
  const gssapiPrincipal: string | null = socket.gssapiPrincipal
  socket.gssapiPrincipal = gssapiPrincipal
  const gssapiServicePrincipal: string | null = socket.gssapiServicePrincipal
  socket.gssapiServicePrincipal = gssapiServicePrincipal
  const zapDomain: string | null = socket.zapDomain
  socket.zapDomain = zapDomain
  const socksProxy: string | null = socket.socksProxy
  socket.socksProxy = socksProxy
  const networkInterface: string | null = socket.interface
  socket.interface = networkInterface
  const principal: "hostBased" | "userName" | "krb5Principal" = socket.gssapiPrincipalNameType
  socket.gssapiPrincipalNameType = principal
  socket.gssapiServicePrincipalNameType = socket.gssapiServicePrincipalNameType
  const endpoint: string | null = socket.lastEndpoint
  const mechanism: null | "plain" | "curve" | "gssapi" = socket.securityMechanism
  const threadSafe: boolean = socket.threadSafe
  const type: number = socket.type
  const routingId: string | null = socket.routingId
  socket.routingId = routingId
  socket.probeRouter = true
  socket.conflate = true
  socket.sendBufferSize = socket.sendBufferSize + 1
  socket.sendHighWaterMark = socket.sendHighWaterMark + 1
  socket.sendTimeout = socket.sendTimeout + 1
  socket.multicastHops = socket.multicastHops + 1
  socket.receiveBufferSize = socket.receiveBufferSize + 1
  socket.receiveHighWaterMark = socket.receiveHighWaterMark + 1
  socket.receiveTimeout = socket.receiveTimeout + 1
  console.log(endpoint, mechanism, threadSafe, type)
}

export function typeSpecificOptions(): void {
  const publisher = new Publisher({noDrop: true, conflate: false, invertMatching: false})
  publisher.noDrop = false
  const invert: boolean = publisher.invertMatching
  const subscriber = new Subscriber({conflate: true, invertMatching: invert})
  subscriber.subscribe("a", Buffer.from("b"))
  subscriber.unsubscribe()
  const request = new Request({routingId: "r", probeRouter: true, correlate: true, relaxed: true})
  request.correlate = false
  const reply = new Reply({routingId: "rep"})
  const router = new Router({mandatory: true, handover: true, probeRouter: true, routingId: "me"})
  const mandatory: boolean = router.mandatory
  const connectOptions: RouterConnectOptions = {routingId: "peer"}
  router.connect("tcp://127.0.0.1:5555", connectOptions)
  const pull = new Pull({conflate: true})
  const push = new Push({conflate: true, sendHighWaterMark: 1})
  const xpub = new XPublisher({noDrop: true, manual: true, welcomeMessage: "hi", invertMatching: true})
  xpub.verbosity = "allSubs"
  xpub.verbosity = "allSubsUnsubs"
  xpub.verbosity = null
  const xsub = new XSubscriber()
  const stream = new Stream({notify: true})
  const streamOptions: StreamConnectOptions = {routingId: "s"}
  stream.connect("tcp://127.0.0.1:5555", streamOptions)
  const pair = new Pair({linger: 0})
  console.log(reply, mandatory, pull, push, xsub, pair)
}

export async function messages(push: Push, pull: Pull, stream: Stream, pair: Pair): Promise<void> {
  const frames: MessageLike[] = ["text", 42, null, Buffer.from("b"), new Uint8Array(2), new ArrayBuffer(1)]
  await push.send(frames)
  await push.send("one")
  const received: Message[] = await pull.receive()
  const first: Message = received[0]
  const [id, data] = await stream.receive()
  await stream.send([id, data])
  for await (const [frame] of pair) console.log(frame.length, first)
  const writable: Writable = push
  const readable: Readable = pull
  await writable.send("w")
  await readable.receive()
}

export function contexts(): void {
  const own = new Context({ioThreads: 2, maxSockets: 64, blocky: false, ipv6: true, maxMessageSize: 1024})
  own.threadPriority = 1
  own.threadSchedulingPolicy = 0
  const limit: number = own.maxSocketsLimit
  const blocky: boolean = context.blocky
  context.blocky = false
  const options: SocketOptions<Dealer> = {context: own, linger: 0, routingId: "id"}
  const dealer = new Dealer(options)
  const mine: Context = dealer.context
  const socket: Socket = dealer
  console.log(limit, blocky, mine, socket.closed, socket.readable, socket.writable)
}

export function moduleValues(): void {
  const v: string = version
  const ipc: boolean | undefined = capability.ipc
  const curve: boolean | undefined = capability.curve
  const draft: boolean | undefined = capability.draft
  const {publicKey, secretKey} = curveKeyPair()
  console.log(v, ipc, curve, draft, publicKey.length, secretKey.length)
}

export async function events(socket: Router): Promise<void> {
  const observer: Observer = socket.events
  const subscriber: EventSubscriber = observer.on("bind", event => console.log(event.address))
  subscriber.off("bind", () => undefined)
  observer.on("accept", event => console.log(event.address))
  observer.on("accept:error", event => console.log(event.address, event.error.code, event.error.errno))
  observer.on("bind:error", event => console.log(event.error.message))
  observer.on("connect", event => console.log(event.address))
  observer.on("connect:delay", event => console.log(event.address))
  observer.on("connect:retry", event => console.log(event.address, event.interval))
  observer.on("close", event => console.log(event.address))
  observer.on("close:error", event => console.log(event.error.code))
  observer.on("disconnect", event => console.log(event.address))
  observer.on("end", event => console.log(event.type))
  observer.on("handshake", event => console.log(event.address))
  observer.on("handshake:error:protocol", event => console.log(event.error.code))
  observer.on("handshake:error:auth", event => console.log(event.error.status))
  observer.on("handshake:error:other", event => console.log(event.error.errno))
  observer.on("unknown", event => console.log(event.type))
  const own = new Observer(socket)
  const event: Event = await own.receive()
  const type: EventType = event.type
  if (event.type === "connect:retry") console.log(event.interval)
  const retry: EventOfType<"connect:retry"> = {type: "connect:retry", address: "a", interval: 1}
  for await (const next of own) console.log(next.type)
  own.close()
  const closed: boolean = own.closed
  console.log(type, retry, closed)
}

export async function proxies(): Promise<void> {
  const proxy = new Proxy(new Router(), new Dealer())
  const front: Router = proxy.frontEnd
  const back: Dealer = proxy.backEnd
  const running = proxy.run()
  proxy.pause()
  proxy.resume()
  proxy.terminate()
  await running
  console.log(front, back)
}

export function endpoints(socket: Socket): Promise<void>[] {
  socket.connect("tcp://127.0.0.1:5555")
  socket.disconnect("tcp://127.0.0.1:5555")
  socket.bindSync("tcp://127.0.0.1:*")
  socket.unbindSync("tcp://127.0.0.1:1")
  socket.close()
  return [socket.bind("tcp://127.0.0.1:*"), socket.unbind("tcp://127.0.0.1:1")]
}

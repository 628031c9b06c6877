// The seed's patterns as exchanges between one of our sockets and a peer process, asserting
// the exact frames that arrive on each side. Frames are multipart and deliberately not UTF-8.
import {randomBytes} from "node:crypto"
import * as zmq from "../../lib"
import {bindEndpoint, hex, Peer} from "./peer"

// Invalid UTF-8 (a lone continuation byte, an overlong sequence, an encoded surrogate), NUL,
// an empty frame, and a frame too large for a small-message buffer.
export const requestFrames = [
  Buffer.from([0xff, 0xfe, 0x00, 0x80]),
  Buffer.alloc(0),
  Buffer.from([0xc0, 0xaf, 0x0a]),
]
export const replyFrames = [Buffer.from([0xed, 0xa0, 0x80]), randomBytes(4096), Buffer.from([0x00])]

const routingId = {ours: Buffer.from([0x00, 0x9f, 0xff]), theirs: Buffer.from([0x01, 0xc3, 0x28])}
const topic = Buffer.from([0x9f, 0x00, 0xff])

type OurSocket = zmq.Socket & Partial<zmq.Readable & zmq.Writable> & {readonly lastEndpoint: string | null}

export interface Scenario {
  /** e.g. "REQ (ours) ↔ REP (theirs)" */
  name: string
  ours(): OurSocket
  theirs: string
  theirOptions: string[]
  run(ours: OurSocket, peer: Peer): Promise<void>
}

async function ourReceive(ours: OurSocket, timeout = 5000): Promise<string[]> {
  return (await ours.receive!({timeout})).map(hex)
}

async function theirReceive(peer: Peer, timeoutMs?: number): Promise<string[] | undefined> {
  return (await peer.receive(timeoutMs))?.map(hex)
}

/** One message each way: `first` sends, `second` receives and answers. */
function exchange(first: "ours" | "theirs", envelope: {ours?: Buffer; theirs?: Buffer} = {}) {
  return async (ours: OurSocket, peer: Peer) => {
    // A ROUTER prefixes what it receives with the sender's routing id, and routes what it
    // sends by the first frame.
    const toTheirs = envelope.theirs ? [envelope.theirs] : []
    const toOurs = envelope.ours ? [envelope.ours] : []
    if (first === "ours") {
      await ours.send!(requestFrames)
      expect(await theirReceive(peer)).toEqual([...toTheirs, ...requestFrames].map(hex))
      await peer.send([...toTheirs, ...replyFrames])
      expect(await ourReceive(ours)).toEqual(replyFrames.map(hex))
    } else {
      await peer.send(requestFrames)
      expect(await ourReceive(ours)).toEqual([...toOurs, ...requestFrames].map(hex))
      await ours.send!([...toOurs, ...replyFrames])
      expect(await theirReceive(peer)).toEqual(replyFrames.map(hex))
    }
  }
}

/** Two messages one way, received in order. */
function pipeline(sender: "ours" | "theirs") {
  return async (ours: OurSocket, peer: Peer) => {
    if (sender === "ours") {
      await ours.send!(requestFrames)
      await ours.send!(replyFrames)
      expect(await theirReceive(peer)).toEqual(requestFrames.map(hex))
      expect(await theirReceive(peer)).toEqual(replyFrames.map(hex))
    } else {
      await peer.send(requestFrames)
      await peer.send(replyFrames)
      expect(await ourReceive(ours)).toEqual(requestFrames.map(hex))
      expect(await ourReceive(ours)).toEqual(replyFrames.map(hex))
    }
  }
}

/**
 * PUB/SUB: a publisher sends to subscribers it knows of, and learns of one only when its
 * subscription arrives — so the publisher repeats (a message outside the filter, then one
 * inside) until the subscriber reports the first, for at most 100 rounds of 100 ms. Then a
 * final message: everything received until it must be copies of the matching message (sent
 * in later rounds), never the filtered one.
 */
function publish(publisher: "ours" | "theirs") {
  const filtered = [Buffer.from([0x9f, 0x01]), Buffer.from([0xff])]
  const matching = [Buffer.concat([topic, Buffer.from([0xc3, 0x28])]), ...requestFrames]
  const last = [Buffer.concat([topic, Buffer.from([0xfe])]), ...replyFrames]
  return async (ours: OurSocket, peer: Peer) => {
    const publish = (frames: Buffer[]) => (publisher === "ours" ? ours.send!(frames) : peer.send(frames))
    const receive = async (timeoutMs: number): Promise<string[] | undefined> => {
      if (publisher === "theirs") {
        return ours.receive!({timeout: timeoutMs}).then(
          frames => frames.map(hex),
          (error: {code?: string}) => (error.code === "EAGAIN" ? undefined : Promise.reject(error)),
        )
      }
      return theirReceive(peer, timeoutMs)
    }

    let first: string[] | undefined
    for (let round = 0; round < 100 && first === undefined; round++) {
      await publish(filtered)
      await publish(matching)
      first = await receive(100)
    }
    expect(first).toEqual(matching.map(hex))

    await publish(last)
    const seen: string[][] = []
    for (let message = await receive(5000); ; message = await receive(5000)) {
      expect(message).toBeDefined()
      if (message![0] === hex(last[0])) {
        expect(message).toEqual(last.map(hex))
        break
      }
      seen.push(message!)
      expect(seen.length).toBeLessThanOrEqual(100)
    }
    for (const message of seen) expect(message).toEqual(matching.map(hex))
  }
}

const linger = {linger: 0}

export const scenarios: Record<string, Scenario[]> = {
  pair: [
    {
      name: "PAIR (ours) ↔ PAIR (theirs)",
      ours: () => new zmq.Pair(linger),
      theirs: "PAIR",
      theirOptions: [],
      run: exchange("ours"),
    },
  ],
  "req-rep": [
    {
      name: "REQ (ours) → REP (theirs)",
      ours: () => new zmq.Request(linger),
      theirs: "REP",
      theirOptions: [],
      run: exchange("ours"),
    },
    {
      name: "REQ (theirs) → REP (ours)",
      ours: () => new zmq.Reply(linger),
      theirs: "REQ",
      theirOptions: [],
      run: exchange("theirs"),
    },
  ],
  "pub-sub": [
    {
      name: "PUB (ours) → SUB (theirs)",
      ours: () => new zmq.Publisher(linger),
      theirs: "SUB",
      theirOptions: ["--subscribe", hex(topic)],
      run: publish("ours"),
    },
    {
      name: "PUB (theirs) → SUB (ours)",
      ours: () => {
        const subscriber = new zmq.Subscriber(linger)
        subscriber.subscribe(topic)
        return subscriber
      },
      theirs: "PUB",
      theirOptions: [],
      run: publish("theirs"),
    },
  ],
  "push-pull": [
    {
      name: "PUSH (ours) → PULL (theirs)",
      ours: () => new zmq.Push(linger),
      theirs: "PULL",
      theirOptions: [],
      run: pipeline("ours"),
    },
    {
      name: "PUSH (theirs) → PULL (ours)",
      ours: () => new zmq.Pull(linger),
      theirs: "PUSH",
      theirOptions: [],
      run: pipeline("theirs"),
    },
  ],
  "router-dealer": [
    {
      name: "DEALER (ours) → ROUTER (theirs)",
      ours: () => new zmq.Dealer({...linger, routingId: routingId.ours as unknown as string}),
      theirs: "ROUTER",
      theirOptions: [],
      run: exchange("ours", {theirs: routingId.ours}),
    },
    {
      name: "DEALER (theirs) → ROUTER (ours)",
      ours: () => new zmq.Router(linger),
      theirs: "DEALER",
      theirOptions: ["--routing-id", hex(routingId.theirs)],
      run: exchange("theirs", {ours: routingId.theirs}),
    },
  ],
}

/** What a test has opened: closed (peers first) by closeAll in afterEach. */
export type Open = Set<{close(): void} | Peer>

export type StartPeer = (
  type: string,
  mode: "bind" | "connect",
  endpoint: string,
  options: string[],
) => Promise<Peer>

/** Sets up `scenario` with `binder` binding, starting the peer with `start`, and runs it. */
export async function runScenario(
  scenario: Scenario,
  transport: "tcp" | "ipc",
  binder: "ours" | "theirs",
  start: StartPeer,
  open: Open,
): Promise<void> {
  const ours = scenario.ours()
  open.add(ours)
  let peer: Peer
  if (binder === "ours") {
    await ours.bind(bindEndpoint(transport))
    peer = await start(scenario.theirs, "connect", ours.lastEndpoint!, scenario.theirOptions)
  } else {
    peer = await start(scenario.theirs, "bind", bindEndpoint(transport), scenario.theirOptions)
    ours.connect(peer.endpoint)
  }
  open.add(peer)
  await scenario.run(ours, peer)
}

/** Stops the peers first (while our sockets still accept what they flush), then closes ours. */
export async function closeAll(open: Open): Promise<void> {
  const items = [...open]
  open.clear()
  await Promise.all(items.map(item => (item instanceof Peer ? item.stop() : undefined)))
  for (const item of items) if (!(item instanceof Peer)) item.close()
}

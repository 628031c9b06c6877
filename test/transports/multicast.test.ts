// pgm, epgm, norm: our Publisher in one network namespace, our Subscriber in another, made by
// test/harness/with-netns (traffic never leaves the two namespaces). 300 numbered 1000-byte messages
// must all arrive, in order and once each — also when 5 % of the packets reaching the receiver
// are dropped, which the transports must repair. The peers are fixtures/multicast-peer.js.
import * as path from "node:path"
import {root, run, transcript} from "../helpers"
import {fixtures, requireHarness} from "./fixtures/harness"

const harness = "test/harness/with-netns"
const peer = path.relative(root, path.join(fixtures, "multicast-peer.js"))
const count = 300
const size = 1000

interface Transport {
  name: string
  receiver: string
  sender: string
  /** seconds for the whole run, setup included */
  timeout: number
}

// Endpoints name the interface by its address: libpgm looks interface names up through DNS,
// which a namespace cannot reach. NORM wants a node id per side.
const transports: Transport[] = [
  {
    name: "epgm",
    receiver: "epgm://$NETNS_SELF_IP;$NETNS_GROUP:5555",
    sender: "epgm://$NETNS_SELF_IP;$NETNS_GROUP:5555",
    timeout: 30,
  },
  {
    name: "pgm",
    receiver: "pgm://$NETNS_SELF_IP;$NETNS_GROUP:5556",
    sender: "pgm://$NETNS_SELF_IP;$NETNS_GROUP:5556",
    timeout: 30,
  },
  {
    name: "norm",
    receiver: "norm://2,$NETNS_SELF_IP;$NETNS_GROUP:5557",
    sender: "norm://1,$NETNS_SELF_IP;$NETNS_GROUP:5557",
    timeout: 75,
  },
]

interface Outcome {
  received: number
  count: number
  inOrder: boolean
  duplicates: number
  missing: number
  dropped?: number
  packets?: number
}

async function publishAcross(transport: Transport, loss: number, dns = "files"): Promise<Outcome> {
  const result = await run(harness, [
    "--timeout",
    String(transport.timeout),
    "--wait-ready",
    "--loss",
    String(loss),
    "--dns",
    dns,
    "--receiver",
    `node ${peer} "${transport.receiver}" ${count} ${size}`,
    "--sender",
    `node ${peer} "${transport.sender}" ${count} ${size}`,
  ])
  const line = /RESULT (\{.*\})$/m.exec(result.stdout)
  if (result.status !== 0 || line === null)
    throw new Error(`${transport.name}, ${loss} % loss: ${transcript(result)}`)
  const outcome = JSON.parse(line[1]) as Outcome
  const dropped = /dropped (\d+) of (\d+) multicast packets/.exec(result.stdout)
  if (dropped) {
    outcome.dropped = Number(dropped[1])
    outcome.packets = Number(dropped[2])
  }
  // What arrived, and what the loss cost, for whoever reads the test log.
  console.log(
    `${transport.name}, ${loss} % loss: ${outcome.received}/${count} in order=${outcome.inOrder}` +
      (dropped ? `, ${outcome.dropped} of ${outcome.packets} packets dropped and repaired` : "") +
      ` (${result.seconds}s)`,
  )
  return outcome
}

beforeAll(() => {
  requireHarness("multicast (pgm, epgm, norm across network namespaces)", {
    root: true,
    files: [harness],
    commands: ["ip", "nft"],
  })
})

describe.each(transports)("$name", transport => {
  // Beyond the harness's deadline: room for its last words (backtraces) about a hung peer.
  const testTimeout = (transport.timeout + 30) * 1000

  it(
    `delivers ${count} messages in order from one namespace to another`,
    async () => {
      await expect(publishAcross(transport, 0)).resolves.toMatchObject({
        received: count,
        inOrder: true,
        duplicates: 0,
        missing: 0,
      })
    },
    testTimeout,
  )

  it(
    "repairs 5 % packet loss at the receiver: every message still arrives, in order",
    async () => {
      const outcome = await publishAcross(transport, 5)
      expect(outcome).toMatchObject({received: count, inOrder: true, duplicates: 0, missing: 0})
      // The loss really happened (at 5 % of a few hundred packets, none dropped is ~1 in 10^5).
      expect(outcome.dropped).toBeGreaterThan(0)
    },
    testTimeout,
  )
})

// libpgm tries an interface word as a host name (DNS) before it tries it as an interface name;
// ours never looks names up (cmake/pgm-numeric-lookups.c). Where the name server never answers, an
// interface name therefore still works: with libpgm's own lookup, connect blocked ~6 s and
// failed with EINVAL (Debian's python3-zmq, same namespaces). NORM takes names as they are.
describe("interface names where DNS never answers", () => {
  const byName: Transport[] = [
    {
      name: "epgm",
      receiver: "epgm://$NETNS_IFACE;$NETNS_GROUP:5558",
      sender: "epgm://$NETNS_IFACE;$NETNS_GROUP:5558",
      timeout: 30,
    },
    {
      name: "norm",
      receiver: "norm://2,$NETNS_IFACE;$NETNS_GROUP:5559",
      sender: "norm://1,$NETNS_IFACE;$NETNS_GROUP:5559",
      timeout: 75,
    },
  ]

  it.each(byName)(
    "$name://<interface name> delivers every message",
    async transport => {
      await expect(publishAcross(transport, 0, "unanswered")).resolves.toMatchObject({
        received: count,
        inOrder: true,
        duplicates: 0,
      })
    },
    (75 + 30) * 1000,
  )
})

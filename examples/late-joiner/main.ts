// The seed's warning: a PUB socket sends only to subscribers it already knows, so whatever it
// publishes before a subscriber has connected and subscribed is lost — binding first or
// connecting first does not matter. Then the remedy: wait until the peer is there, and only
// then send: the socket's events say when the connection is up, and an XPublisher receives each
// subscription as a message ([1, ...prefix]) — exactly when a publisher starts delivering to
// that subscriber.
import * as zmq from "zmq-native"

const updates = ["update 1", "update 2", "update 3"]

/** Receives until nothing arrives for `quietMs`; returns what came. */
async function drain(subscriber: zmq.Subscriber, quietMs: number): Promise<string[]> {
  const received: string[] = []
  for (;;) {
    try {
      const [frame] = await subscriber.receive({timeout: quietMs})
      received.push(frame.toString())
    } catch (error) {
      if ((error as {code?: string}).code === "EAGAIN") return received
      throw error
    }
  }
}

async function sendingTooEarly(): Promise<void> {
  console.log("-- 1. publishing right after the subscriber connects")
  const publisher = new zmq.Publisher()
  const subscriber = new zmq.Subscriber()
  try {
    await publisher.bind("tcp://127.0.0.1:*")
    subscriber.connect(publisher.lastEndpoint!)
    subscriber.subscribe("update")
    // connect() returns at once; the TCP connection and the subscription follow in the
    // background, and the publisher drops messages nobody has subscribed to yet.
    for (const update of updates) await publisher.send(update)
    console.log(`publisher: sent ${updates.length} updates`)
    const received = await drain(subscriber, 300)
    console.log(`subscriber: received ${received.length} of ${updates.length}: [${received.join(", ")}]`)
    if (received.length < updates.length)
      console.log("   the rest were published before the subscriber joined, and are lost")
    else console.log("   this time the subscription won the race; nothing guarantees it will")
  } finally {
    publisher.close()
    subscriber.close()
  }
}

async function waitingForTheSubscriber(): Promise<void> {
  console.log("-- 2. waiting for the subscription before publishing")
  const publisher = new zmq.XPublisher()
  const subscriber = new zmq.Subscriber()
  try {
    await publisher.bind("tcp://127.0.0.1:*")
    // The socket's events tell when the connection is up (ZMTP handshake done)...
    const connected = publisher.events.waitFor("handshake", {timeout: 5000})
    subscriber.connect(publisher.lastEndpoint!)
    subscriber.subscribe("update")
    console.log(`publisher: a subscriber connected to ${(await connected).address}`)
    // ...but a publisher starts sending to a subscriber only once its subscription has arrived,
    // which an XPublisher receives as a message.
    const [subscription] = await publisher.receive({timeout: 5000})
    const kind = subscription[0] === 1 ? "subscribe" : "unsubscribe"
    console.log(`publisher: subscriber joined (${kind} "${subscription.subarray(1).toString()}")`)
    for (const update of updates) await publisher.send(update)
    console.log(`publisher: sent ${updates.length} updates`)
    const received: string[] = []
    for (const _ of updates) received.push((await subscriber.receive({timeout: 5000}))[0].toString())
    console.log(`subscriber: received ${received.length} of ${updates.length}: [${received.join(", ")}]`)
  } finally {
    publisher.close()
    subscriber.close()
  }
}

async function main(): Promise<void> {
  await sendingTooEarly()
  await waitingForTheSubscriber()
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})

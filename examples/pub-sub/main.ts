// PUB/SUB: a "weather server" publishes updates "<topic> <value>" with a random topic (9999 or
// 10000); the subscriber asks only for topic 9999 and averages five updates. Filtering is by
// prefix of the first frame and happens on the publisher's side, so topic 10000 never travels.
// The publisher is an XPublisher: it receives the subscription as a message, and starts
// publishing only then, so no update is dropped for want of a subscriber.
import * as zmq from "zmq-native"
import {setTimeout as delay} from "node:timers/promises"

const topicFilter = "9999"
const wanted = 5

function randomInt(low: number, high: number): number {
  return low + Math.floor(Math.random() * (high - low))
}

async function publish(socket: zmq.XPublisher, done: AbortSignal): Promise<number> {
  let sent = 0
  while (!done.aborted) {
    const topic = randomInt(9999, 10001)
    const value = randomInt(1, 215) - 80
    console.log(`publisher: ${topic} ${value}`)
    await socket.send(`${topic} ${value}`)
    sent++
    await delay(50)
  }
  return sent
}

async function collect(socket: zmq.Subscriber): Promise<void> {
  let total = 0
  for (let update = 0; update < wanted; update++) {
    const [message] = await socket.receive()
    const [topic, value] = message.toString().split(" ")
    total += Number(value)
    console.log(`subscriber: ${topic} ${value}`)
  }
  console.log(`subscriber: average value for topic ${topicFilter} over ${wanted} updates: ${total / wanted}`)
}

async function main(): Promise<void> {
  const publisher = new zmq.XPublisher()
  const subscriber = new zmq.Subscriber()
  const done = new AbortController()
  try {
    await publisher.bind("tcp://127.0.0.1:*")
    subscriber.connect(publisher.lastEndpoint!)
    subscriber.subscribe(topicFilter)
    console.log("subscriber: collecting updates from the weather server...")
    // Anything published before the subscription reaches the publisher would be dropped (see the
    // late-joiner example): wait for it, [1, ...topic], then publish until the subscriber has five.
    const [subscription] = await publisher.receive({timeout: 5000})
    console.log(`publisher: subscription to "${subscription.subarray(1).toString()}" arrived, publishing`)
    const publishing = publish(publisher, done.signal)
    await collect(subscriber)
    done.abort()
    console.log(`publisher: stopped after ${await publishing} updates`)
  } finally {
    done.abort()
    publisher.close()
    subscriber.close()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})

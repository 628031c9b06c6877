// PUB/SUB: a "weather server" publishes updates "<topic> <value>" with a random topic (9999 or
// 10000); the subscriber asks only for topic 9999 and averages five updates. Filtering is by
// prefix of the first frame and happens on the publisher's side, so topic 10000 never travels.
import * as zmq from "zmq-native"
import {setTimeout as delay} from "node:timers/promises"

const topicFilter = "9999"
const wanted = 5

function randomInt(low: number, high: number): number {
  return low + Math.floor(Math.random() * (high - low))
}

async function publish(socket: zmq.Publisher, done: AbortSignal): Promise<number> {
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
  const publisher = new zmq.Publisher()
  const subscriber = new zmq.Subscriber()
  const done = new AbortController()
  try {
    await publisher.bind("tcp://127.0.0.1:*")
    subscriber.connect(publisher.lastEndpoint!)
    subscriber.subscribe(topicFilter)
    console.log("subscriber: collecting updates from the weather server...")
    // The publisher starts at once; updates sent before the subscription reaches it are dropped
    // (see the late-joiner example). It keeps publishing until the subscriber has its five.
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

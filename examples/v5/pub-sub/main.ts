// PUB/SUB in zeromq v5 style: a "weather server" publishes "<topic> <value>" updates with a random
// topic (9999 or 10000); the subscriber subscribes to 9999 only and averages five updates. The
// publisher is an xpub, so the subscription arrives as a message ([1, ...topic]) and it starts
// publishing then: nothing is dropped for want of a subscriber.
import * as zmq from "zmq-native/v5-compat"

const topicFilter = "9999"
const wanted = 5

function randomInt(low: number, high: number): number {
  return low + Math.floor(Math.random() * (high - low))
}

const publisher = zmq.socket("xpub")
const subscriber = zmq.socket("sub")
let ticker: ReturnType<typeof setInterval> | undefined
let published = 0

publisher.bindSync("tcp://127.0.0.1:*")
publisher.once("message", (subscription: Buffer) => {
  console.log(`publisher: subscription to "${subscription.subarray(1)}" arrived, publishing`)
  ticker = setInterval(() => {
    const update = `${randomInt(9999, 10001)} ${randomInt(1, 215) - 80}`
    console.log(`publisher: ${update}`)
    publisher.send(update)
    published++
  }, 50)
})

let total = 0
let updates = 0
subscriber.on("message", (message: Buffer) => {
  const [topic, value] = message.toString().split(" ")
  total += Number(value)
  console.log(`subscriber: ${topic} ${value}`)
  if (++updates < wanted) return
  console.log(`subscriber: average value for topic ${topicFilter} over ${wanted} updates: ${total / wanted}`)
  clearInterval(ticker)
  console.log(`publisher: stopped after ${published} updates`)
  publisher.close()
  subscriber.close()
})
subscriber.connect(publisher.last_endpoint!)
subscriber.subscribe(topicFilter)
console.log("subscriber: collecting updates from the weather server...")

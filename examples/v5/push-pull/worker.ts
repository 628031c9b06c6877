// One pipeline worker in zeromq v5 style (started by main.ts with child_process.fork): pulls
// items from the producer, pushes results to the sink, and exits when its parent disconnects.
import * as zmq from "zmq-native/v5-compat"

const [id, workEndpoint, resultEndpoint] = process.argv.slice(2)
const receiver = zmq.socket("pull")
const sender = zmq.socket("push")
receiver.connect(workEndpoint)
sender.connect(resultEndpoint)
console.log(`worker[${id}] stand by ...`)
receiver.on("message", (frame: Buffer) => {
  const {num} = JSON.parse(frame.toString()) as {num: number}
  console.log(`worker[${id}] data: ${num}`)
  sender.send(JSON.stringify({consumer: Number(id), num}))
})
process.once("disconnect", () => {
  receiver.close()
  sender.close()
})

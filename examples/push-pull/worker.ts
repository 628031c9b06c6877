// One pipeline worker (started by main.ts with child_process.fork): pulls items from the
// producer, pushes results to the sink, and exits when its parent disconnects.
import * as zmq from "zmq-native"

async function main(): Promise<void> {
  const [id, workEndpoint, resultEndpoint] = process.argv.slice(2)
  const receiver = new zmq.Pull()
  const sender = new zmq.Push()
  receiver.connect(workEndpoint)
  sender.connect(resultEndpoint)
  process.once("disconnect", () => receiver.close())

  console.log(`worker[${id}] stand by ...`)
  // Ends when the receiver is closed.
  for await (const [frame] of receiver) {
    const {num} = JSON.parse(frame.toString()) as {num: number}
    console.log(`worker[${id}] data: ${num}`)
    await zmq.sendJson(sender, {consumer: Number(id), num})
  }
  sender.close()
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})

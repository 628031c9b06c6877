// libzmq filters a subscriber's queue as it is read: after unsubscribe(), messages already
// queued for the dropped prefix are never delivered. Reading ahead must not change that.
import {Publisher, Subscriber} from "../../lib"
import {closeAfterEach, inprocEndpoint} from "../helpers"

const track = closeAfterEach()

async function subscribed(pub: Publisher, sub: Subscriber, topic: string): Promise<void> {
  // The subscription reaches the publisher asynchronously: publish until one copy arrives,
  // then take the copies still on their way (bounded).
  for (let attempt = 0; attempt < 400; attempt++) {
    await pub.send(topic)
    const got = await sub.receive({timeout: 5}).catch(() => undefined)
    if (got !== undefined) break
  }
  while ((await sub.receive({timeout: 20}).catch(() => undefined)) !== undefined);
}

describe("a Subscriber after unsubscribe()", () => {
  it("gets none of the queued messages of the dropped prefix", async () => {
    const endpoint = inprocEndpoint("unsubscribe")
    const pub = track(new Publisher())
    const sub = track(new Subscriber())
    await pub.bind(endpoint)
    sub.connect(endpoint)
    sub.subscribe("keep", "drop")
    await subscribed(pub, sub, "keep-sync")

    for (let i = 1; i <= 10; i++) await pub.send(`drop ${i}`)
    expect((await sub.receive())[0].toString()).toBe("drop 1")

    sub.unsubscribe("drop")
    await pub.send("keep end")
    expect((await sub.receive())[0].toString()).toBe("keep end")
  })
})

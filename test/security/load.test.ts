// 500 clients handshaking at once against one Authenticator all get their decision: the
// handshake benchmark (bench/handshakes.js, which reports handshakes/s) run once per mechanism.
// Not a timed test: the benchmark bounds the wait itself and fails naming what is missing.
import * as path from "node:path"
import {root, run, transcript} from "../helpers"

it.each(["curve", "plain"])(
  "500 %s clients at once: 450 allowed, 50 denied, every allowed one's message delivered",
  async mechanism => {
    const result = await run(
      process.execPath,
      [
        path.join(root, "bench", "handshakes.js"),
        "--clients=500",
        "--rounds=1",
        `--mechanism=${mechanism}`,
        "--json",
      ],
      {timeout: 150_000, killSignal: "SIGKILL"},
    )
    if (result.status !== 0) throw new Error(transcript(result))
    const rounds = result.stdout
      .trim()
      .split("\n")
      .map(line => JSON.parse(line))
    expect(rounds).toEqual([
      expect.objectContaining({
        mechanism,
        clients: 500,
        allowed: 450,
        denied: 50,
        received: 450,
        complete: true,
      }),
    ])
  },
)

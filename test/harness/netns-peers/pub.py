"""Publisher peer for scripts/with-netns: sends COUNT numbered messages to ENDPOINT.

usage: pub.py ENDPOINT COUNT [--size BYTES] [--rate KBITS] [--warmup S] [--linger S]

Messages are b"seq <n> " padded with b"x" to --size bytes, n = 0..COUNT-1 (PGM packs many small
messages into one packet; ~1000-byte messages make every message its own packet, so loss bites). With --warmup, b"warmup" messages are sent every
50 ms for S seconds first (NORM needs a few hundred ms before delivery settles; subscribers skip
them). After the last message the socket stays open, so the transport can still repair losses,
until the receiver has exited ($NETNS_RECEIVER_DONE_FILE appears) or --linger seconds pass.
"""
import argparse
import os
import sys
import time

import zmq


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("endpoint")
    ap.add_argument("count", type=int)
    ap.add_argument("--size", type=int, default=0, help="pad each message to this many bytes")
    ap.add_argument("--rate", type=int, default=10000, help="ZMQ_RATE, kbit/s")
    ap.add_argument("--warmup", type=float, default=0.0)
    ap.add_argument("--linger", type=float, default=10.0)
    a = ap.parse_args()

    ctx = zmq.Context()
    pub = ctx.socket(zmq.PUB)
    pub.setsockopt(zmq.RATE, a.rate)
    pub.setsockopt(zmq.LINGER, int(a.linger * 1000))
    pub.connect(a.endpoint)

    t0 = time.monotonic()
    deadline = t0 + a.warmup
    warm = 0
    while time.monotonic() < deadline:
        pub.send(b"warmup")
        warm += 1
        time.sleep(0.05)

    t1 = time.monotonic()
    for n in range(a.count):
        head = b"seq %d " % n
        pub.send(head + b"x" * max(0, a.size - len(head)))
    t2 = time.monotonic()
    print(f"pub: {a.endpoint}: sent {warm} warm-up + {a.count} messages "
          f"(send loop {t2 - t1:.3f}s)", flush=True)

    done = os.environ.get("NETNS_RECEIVER_DONE_FILE")
    end = t2 + a.linger
    while time.monotonic() < end and not (done and os.path.exists(done)):
        time.sleep(0.02)
    waited = time.monotonic() - t2
    if done and os.path.exists(done):
        print(f"pub: receiver finished {waited:.2f}s after the last send; closing", flush=True)
    else:
        print(f"pub: closing after lingering {waited:.2f}s", flush=True)
    pub.close(linger=0)
    ctx.term()
    return 0


if __name__ == "__main__":
    sys.exit(main())

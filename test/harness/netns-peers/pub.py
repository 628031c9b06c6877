"""Publisher peer for test/harness/with-netns: sends COUNT numbered messages to ENDPOINT.

usage: pub.py ENDPOINT COUNT [--size BYTES] [--rate KBITS] [--linger S]

Messages are b"seq <n> " padded with b"x" to --size bytes, n = 0..COUNT-1 (PGM packs many small
messages into one packet; ~1000-byte messages make every message its own packet, so loss bites).
First, b"warmup" messages go out every 20 ms until the subscriber has heard one
($NETNS_SHARED_DIR/receiver.heard appears): the subscriber's transport joins the group in
libzmq's I/O thread some time after its connect() returned, a multicast receiver never gets
what was sent before it joined, and NORM delivers nothing for its first few hundred ms.
After the last message the socket stays open, so the transport can still repair losses,
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
    ap.add_argument("--linger", type=float, default=10.0)
    a = ap.parse_args()

    ctx = zmq.Context()
    pub = ctx.socket(zmq.PUB)
    pub.setsockopt(zmq.RATE, a.rate)
    pub.setsockopt(zmq.LINGER, int(a.linger * 1000))
    pub.connect(a.endpoint)

    heard = os.path.join(os.environ["NETNS_SHARED_DIR"], "receiver.heard")
    deadline = time.monotonic() + a.linger
    warm = 0
    while not os.path.exists(heard):
        if time.monotonic() > deadline:
            sys.exit(f"pub: the receiver heard none of {warm} warm-up messages in {a.linger}s")
        pub.send(b"warmup")
        warm += 1
        time.sleep(0.02)

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

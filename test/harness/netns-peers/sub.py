"""Subscriber peer for test/harness/with-netns: receives COUNT numbered messages from ENDPOINT.

usage: sub.py ENDPOINT COUNT [--rate KBITS] [--timeout S] [--min N]

Subscribes to everything, creates $NETNS_READY_FILE, then counts b"seq <n> ..." messages (on the
first b"warmup" it creates $NETNS_SHARED_DIR/receiver.heard, see pub.py; warm-ups are not counted) until COUNT arrived or --timeout seconds passed. Prints one RESULT line:
  RESULT <endpoint> received=<k>/<COUNT> in_order=<yes|no> dups=<d> missing=<m> first_wait=<s> span=<s>
Exits 0 when at least --min (default COUNT) distinct messages arrived, in order, without duplicates.
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
    ap.add_argument("--rate", type=int, default=10000, help="ZMQ_RATE, kbit/s")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--min", type=int, default=None)
    a = ap.parse_args()
    need = a.count if a.min is None else a.min

    ctx = zmq.Context()
    sub = ctx.socket(zmq.SUB)
    sub.setsockopt(zmq.RATE, a.rate)
    sub.setsockopt(zmq.LINGER, 0)
    sub.setsockopt(zmq.SUBSCRIBE, b"")
    sub.connect(a.endpoint)
    ready = os.environ.get("NETNS_READY_FILE")
    if ready:
        open(ready, "w").close()

    seen = []
    seen_set = set()
    dups = 0
    warm = 0
    t0 = time.monotonic()
    first = last = None
    deadline = t0 + a.timeout
    while len(seen_set) < a.count:
        left = deadline - time.monotonic()
        if left <= 0 or not sub.poll(int(left * 1000) + 1):
            break
        msg = sub.recv()
        if msg == b"warmup":
            if warm == 0:
                open(os.path.join(os.environ["NETNS_SHARED_DIR"], "receiver.heard"), "w").close()
            warm += 1
            continue
        n = int(msg.split()[1])
        now = time.monotonic()
        first = first if first is not None else now
        last = now
        if n in seen_set:
            dups += 1
        seen.append(n)
        seen_set.add(n)

    distinct = sorted(seen_set)
    in_order = all(x < y for x, y in zip(seen, seen[1:]))
    missing = a.count - len(distinct)
    first_wait = f"{first - t0:.3f}" if first is not None else "-"
    span = f"{last - first:.3f}" if first is not None else "-"
    print(f"RESULT {a.endpoint} received={len(distinct)}/{a.count} "
          f"in_order={'yes' if in_order else 'no'} dups={dups} missing={missing} "
          f"warmup_seen={warm} first_wait={first_wait} span={span}", flush=True)
    if missing:
        gaps = sorted(set(range(a.count)) - set(distinct))
        print(f"sub: missing (first 20): {gaps[:20]}", flush=True)
    sub.close()
    ctx.term()
    ok = len(distinct) >= need and in_order and dups == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

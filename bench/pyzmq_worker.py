#!/usr/bin/python3
"""One benchmark role for pyzmq, driven by bench/run.js like bench/worker.js:

    /usr/bin/python3 bench/pyzmq_worker.py pyzmq <role> <endpoint> <size> <count> <frames>

Same roles and protocol as bench/worker.js: thr-recv, thr-send, thr-both, lat-rep, lat-req,
lat-both; receivers (and lat-rep) print "ready" once bound; the measuring side prints one JSON
line; senders stay open until stdin closes. The one-process roles run the second end in a
thread of this process (sharing the context, as inproc needs).

Written as pyzmq users write for speed: blocking sockets, plain send/recv loops (send_multipart
and recv_multipart for several frames). Frames below 8 KiB are copied (bytes in, bytes out,
pyzmq's fast path for small messages); frames of 8 KiB and more go with copy=False both ways
(zero-copy send of one reused bytes object, Frame objects on receive), the same threshold as
this library's zero-copy path.
"""

import json
import math
import os
import resource
import sys
import threading
import time
import traceback

import zmq

ZERO_COPY_FROM = 8 * 1024

_, role, endpoint, size_arg, count_arg, frames_arg = sys.argv[1:7]
size = int(size_arg)
count = int(count_arg)
frames = int(frames_arg or 1)
copy = size < ZERO_COPY_FROM
context = zmq.Context()
# Every socket stays referenced until the process exits: pyzmq closes a socket that is garbage
# collected, with linger 0, which would drop a sender thread's queued tail.
sockets = []


def message():
    frame = b"a" * size
    return frame if frames == 1 else [bytes(frame) for _ in range(frames)]


def report(result):
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result["maxRSS"] = usage.ru_maxrss * 1024
    # CPU seconds of this process (user + system), start-up included.
    result["cpu"] = usage.ru_utime + usage.ru_stime
    print(json.dumps(result), flush=True)


def send(push):
    msg = message()
    if frames == 1:
        for _ in range(count):
            push.send(msg, copy=copy)
    else:
        for _ in range(count):
            push.send_multipart(msg, copy=copy)


def receive(pull):
    """Times from the first message to the last, as libzmq's local_thr does."""
    if frames == 1:
        pull.recv(copy=copy)
        start = time.perf_counter()
        for _ in range(count - 1):
            pull.recv(copy=copy)
    else:
        for i in range(count):
            msg = pull.recv_multipart(copy=copy)
            if i == 0:
                start = time.perf_counter()
            if len(msg) != frames:
                raise RuntimeError(f"expected {frames} frames, got {len(msg)}")
    seconds = time.perf_counter() - start
    # The first message is the clock's start: count the others, as local_thr does.
    rate = (count - 1) / seconds
    return {"count": count, "seconds": seconds, "rate": rate, "mbps": rate * size * frames * 8 / 1e6}


def echo(rep):
    for _ in range(count):
        rep.send(rep.recv(copy=copy), copy=copy)


def ask(req):
    """Times each round trip, in buckets 1 % wide as bench/histogram.js counts them."""
    msg = b"a" * size
    histogram = {}
    start = last = time.perf_counter_ns()
    for _ in range(count):
        req.send(msg, copy=copy)
        req.recv(copy=copy)
        now = time.perf_counter_ns()
        bucket = math.floor(100 * math.log(max(now - last, 1)))
        histogram[bucket] = histogram.get(bucket, 0) + 1
        last = now
    seconds = (last - start) / 1e9
    return {"count": count, "seconds": seconds, "latencyUs": seconds * 1e6 / count / 2, "hist": histogram}


def released():
    """Returns when the driver closes our stdin (the receiver has counted)."""
    sys.stdin.buffer.read()


def bound(socket):
    socket.bind(endpoint)
    print("ready", flush=True)


def open_socket(kind):
    socket = context.socket(kind)
    socket.linger = 0
    sockets.append(socket)
    return socket


def in_thread(kind, work):
    """Runs work(socket) on a socket connected from another thread; any failure ends the process."""

    def run():
        try:
            socket = open_socket(kind)
            socket.connect(endpoint)
            work(socket)
        except BaseException:
            traceback.print_exc()
            sys.stderr.flush()
            os._exit(1)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def main():
    if role == "thr-recv":
        pull = open_socket(zmq.PULL)
        bound(pull)
        report(receive(pull))
    elif role == "thr-send":
        push = open_socket(zmq.PUSH)
        push.connect(endpoint)
        send(push)
        released()
    elif role == "thr-both":
        pull = open_socket(zmq.PULL)
        pull.bind(endpoint)
        in_thread(zmq.PUSH, send)
        report(receive(pull))
    elif role == "lat-rep":
        rep = open_socket(zmq.REP)
        bound(rep)
        echo(rep)
        released()
    elif role == "lat-req":
        req = open_socket(zmq.REQ)
        req.connect(endpoint)
        report(ask(req))
    elif role == "lat-both":
        rep = open_socket(zmq.REP)
        rep.bind(endpoint)
        requester = in_thread(zmq.REQ, lambda req: report(ask(req)))
        echo(rep)
        requester.join()
    else:
        raise ValueError(f"unknown role {role}")


if __name__ == "__main__":
    try:
        main()
    except BaseException:
        traceback.print_exc()
        sys.exit(1)
    # Sockets still open in other threads (senders done) need no linger: leave at once.
    sys.stdout.flush()
    os._exit(0)

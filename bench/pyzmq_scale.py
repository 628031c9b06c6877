#!/usr/bin/python3
"""pyzmq's side of the scale scenarios (bench/scale.js), as bench/scale-worker.js is ours:

    /usr/bin/python3 bench/pyzmq_scale.py pyzmq router|publisher|idle <endpoint> [arg]

Same roles and output. Written as pyzmq users write it: blocking sockets; the idle sockets
wait in one zmq.Poller, the usual way for one thread to wait on many.
"""

import json
import resource
import sys
import threading
import time

import zmq

_, role, endpoint = sys.argv[1:4]
arg = int(sys.argv[4]) if len(sys.argv) > 4 else 0
# idle: how long to watch the sockets do nothing.
window = float(sys.argv[5]) if len(sys.argv) > 5 else 3
context = zmq.Context()
stop = threading.Event()


def usage():
    with open("/proc/self/statm") as statm:
        rss = int(statm.read().split()[1]) * resource.getpagesize()
    times = resource.getrusage(resource.RUSAGE_SELF)
    return {"rss": rss, "cpu": times.ru_utime + times.ru_stime}


def emit(result):
    print(json.dumps(result), flush=True)


def watch_stdin():
    """Sets `stop` when the driver closes our stdin."""

    def run():
        sys.stdin.buffer.read()
        stop.set()

    threading.Thread(target=run, daemon=True).start()


def router():
    socket = context.socket(zmq.ROUTER)
    socket.linger = 0
    socket.bind(endpoint)
    socket.rcvtimeo = 100
    emit({"ready": True, **usage()})
    watch_stdin()
    while not stop.is_set():
        try:
            socket.send_multipart(socket.recv_multipart())
        except zmq.Again:
            pass
    emit(usage())


def publisher():
    socket = context.socket(zmq.PUB)
    socket.linger = 0
    socket.bind(endpoint)
    emit({"ready": True, **usage()})
    watch_stdin()
    messages = [f"t{i}.".ljust(16, "x").encode() for i in range(arg)]
    sent = 0
    while not stop.is_set():
        for _ in range(1000):
            socket.send(messages[sent % arg])
            sent += 1
    emit({"sent": sent, **usage()})


def idle():
    context.set(zmq.MAX_SOCKETS, arg + 16)
    server = context.socket(zmq.ROUTER)
    server.linger = 0
    server.bind(endpoint)
    poller = zmq.Poller()
    sockets = []
    for _ in range(arg):
        dealer = context.socket(zmq.DEALER)
        dealer.linger = 0
        dealer.connect(endpoint)
        poller.register(dealer, zmq.POLLIN)
        sockets.append(dealer)
    deadline = time.monotonic() + 1
    while time.monotonic() < deadline:
        poller.poll(100)
    before = usage()
    deadline = time.monotonic() + window
    while time.monotonic() < deadline:
        poller.poll(1000)
    after = usage()
    emit({"sockets": arg, "rss": after["rss"], "idleCpuMs": (after["cpu"] - before["cpu"]) * 1000, "seconds": window})


{"router": router, "publisher": publisher, "idle": idle}[role]()
sys.stdout.flush()
context.destroy(linger=0)

"""One pyzmq socket driven over stdin, for the interop tests.

    peer.py TYPE bind|connect ENDPOINT [--routing-id HEX] [--subscribe HEX]
            [--curve-server SECRET] [--curve-client SERVER_PUBLIC PUBLIC SECRET]

Prints "ready <last endpoint>", then answers one line per command:
    send HEX...       -> "ok"               (a multipart message; "-" is an empty frame)
    recv [TIMEOUT_MS] -> "frames HEX..." or "error timeout"
    quit              -> exits 0
"""
import sys

import zmq

TYPES = {name: getattr(zmq, name) for name in ("PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH")}


def decode(word):
    return b"" if word == "-" else bytes.fromhex(word)


def encode(frame):
    return frame.hex() or "-"


def reply(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main():
    kind, mode, endpoint, *options = sys.argv[1:]
    context = zmq.Context()
    socket = context.socket(TYPES[kind])
    socket.setsockopt(zmq.LINGER, 500)
    while options:
        option = options.pop(0)
        if option == "--routing-id":
            socket.setsockopt(zmq.ROUTING_ID, decode(options.pop(0)))
        elif option == "--subscribe":
            socket.setsockopt(zmq.SUBSCRIBE, decode(options.pop(0)))
        elif option == "--curve-server":
            socket.setsockopt(zmq.CURVE_SERVER, 1)
            socket.setsockopt_string(zmq.CURVE_SECRETKEY, options.pop(0))
        elif option == "--curve-client":
            socket.setsockopt_string(zmq.CURVE_SERVERKEY, options.pop(0))
            socket.setsockopt_string(zmq.CURVE_PUBLICKEY, options.pop(0))
            socket.setsockopt_string(zmq.CURVE_SECRETKEY, options.pop(0))
        else:
            raise SystemExit("peer.py: unknown option " + option)
    if mode == "bind":
        socket.bind(endpoint)
    else:
        socket.connect(endpoint)
    reply("ready " + socket.getsockopt_string(zmq.LAST_ENDPOINT))

    for line in sys.stdin:
        command, *words = line.split()
        if command == "send":
            socket.send_multipart([decode(word) for word in words])
            reply("ok")
        elif command == "recv":
            if socket.poll(int(words[0]) if words else 5000, zmq.POLLIN):
                reply("frames " + " ".join(encode(frame) for frame in socket.recv_multipart()))
            else:
                reply("error timeout")
        elif command == "quit":
            break
        else:
            reply("error unknown command " + command)
    socket.close()
    context.term()


if __name__ == "__main__":
    main()

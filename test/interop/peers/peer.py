"""One pyzmq socket driven over stdin, for the interop tests.

    peer.py TYPE bind|connect ENDPOINT [--routing-id HEX] [--subscribe HEX]
            [--curve-server SECRET] [--curve-client SERVER_PUBLIC PUBLIC SECRET]
            [--plain-server] [--plain-client USERNAME PASSWORD] [--zap-domain DOMAIN]
            [--auth-curve FOLDER|any] [--auth-plain USERNAME PASSWORD]

--auth-* start pyzmq's ThreadAuthenticator on the socket's context (before bind/connect),
allowing the CURVE keys of a certificate folder (or any key) or one PLAIN user.

Prints "ready <last endpoint>", then answers one line per command:
    send HEX...       -> "ok"               (a multipart message; "-" is an empty frame)
    offer TIMEOUT_MS HEX... -> "ok" or "error timeout" (send, if the socket can take it in time)
    recv [TIMEOUT_MS] -> "frames HEX..." or "error timeout"
    recv-user [TIMEOUT_MS] -> "user USER_ID frames HEX..." or "error timeout"
    quit              -> exits 0
"""
import sys

import zmq
import zmq.auth
from zmq.auth.thread import ThreadAuthenticator

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
    authenticator = None

    def authenticate():
        nonlocal authenticator
        if authenticator is None:
            authenticator = ThreadAuthenticator(context)
            authenticator.start()
        return authenticator

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
        elif option == "--plain-server":
            socket.setsockopt(zmq.PLAIN_SERVER, 1)
        elif option == "--plain-client":
            socket.setsockopt_string(zmq.PLAIN_USERNAME, options.pop(0))
            socket.setsockopt_string(zmq.PLAIN_PASSWORD, options.pop(0))
        elif option == "--zap-domain":
            socket.setsockopt_string(zmq.ZAP_DOMAIN, options.pop(0))
        elif option == "--auth-curve":
            folder = options.pop(0)
            authenticate().configure_curve(domain="*", location=zmq.auth.CURVE_ALLOW_ANY if folder == "any" else folder)
        elif option == "--auth-plain":
            authenticate().configure_plain(domain="*", passwords={options.pop(0): options.pop(0)})
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
        elif command == "offer":
            # A socket whose only connection was refused may have no pipe to take the message for now.
            if socket.poll(int(words[0]), zmq.POLLOUT):
                socket.send_multipart([decode(word) for word in words[1:]])
                reply("ok")
            else:
                reply("error timeout")
        elif command == "recv":
            if socket.poll(int(words[0]) if words else 5000, zmq.POLLIN):
                reply("frames " + " ".join(encode(frame) for frame in socket.recv_multipart()))
            else:
                reply("error timeout")
        elif command == "recv-user":
            if socket.poll(int(words[0]) if words else 5000, zmq.POLLIN):
                frames = socket.recv_multipart(copy=False)
                user = frames[0].get("User-Id") or "-"
                reply("user " + user + " frames " + " ".join(encode(frame.bytes) for frame in frames))
            else:
                reply("error timeout")
        elif command == "quit":
            break
        else:
            reply("error unknown command " + command)
    socket.close()
    if authenticator is not None:
        authenticator.stop()
    context.term()


if __name__ == "__main__":
    main()

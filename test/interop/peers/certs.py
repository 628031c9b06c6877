"""pyzmq's certificate and key functions, for the interop tests. One command per run:

    certs.py create FOLDER NAME [KEY=VALUE...]  -> the public and the secret file, one a line
    certs.py load FILE                           -> "PUBLIC SECRET" ("-" when there is none)
    certs.py load-folder FOLDER                  -> the public keys, sorted, one a line
    certs.py curve-public SECRET                 -> the public key
"""
import sys

import zmq
import zmq.auth


def main():
    command, *words = sys.argv[1:]
    if command == "create":
        folder, name, *pairs = words
        metadata = dict(pair.split("=", 1) for pair in pairs)
        for path in zmq.auth.create_certificates(folder, name, metadata or None):
            print(path)
    elif command == "load":
        public, secret = zmq.auth.load_certificate(words[0])
        print(public.decode(), secret.decode() if secret else "-")
    elif command == "load-folder":
        for key in sorted(zmq.auth.load_certificates(words[0])):
            print(key.decode())
    elif command == "curve-public":
        print(zmq.curve_public(words[0].encode()).decode())
    else:
        raise SystemExit("certs.py: unknown command " + command)


if __name__ == "__main__":
    main()

"""The broker's own time to answer the DescribeConfigs (v1) requests that
`kafka-topics --describe` sends for topics big-1 .. big-N: the floor under
the tool's wall time, with nothing but the broker timed (a plain socket).

    python3 bench/lib/describe_configs.py HOST:PORT N SYNONYMS CHUNK ROUNDS

Apache's TopicCommand sends one request for every topic without synonyms
(SYNONYMS 0, CHUNK N); kt sends requests of 50 topics at once, with synonyms
as librdkafka asks (SYNONYMS 1, CHUNK 50). All requests go out together on
one connection, as librdkafka sends them; the time runs until the last
answer is read. Prints the median time in seconds and the answers' bytes.
"""
import socket
import statistics
import struct
import sys
import time

host, port = sys.argv[1].rsplit(":", 1)
topics, synonyms = int(sys.argv[2]), sys.argv[3] == "1"
chunk, rounds = int(sys.argv[4]), int(sys.argv[5])


def string(s):
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def read_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        got = sock.recv(n - len(buf))
        if not got:
            sys.exit("bench: the broker closed the connection")
        buf += got
    return bytes(buf)


def request(corr, names):
    # resources [type (2 = topic), name, config names (null)], include_synonyms
    body = struct.pack(">i", len(names)) + b"".join(
        struct.pack(">b", 2) + string(n) + struct.pack(">i", -1) for n in names
    ) + struct.pack(">b", 1 if synonyms else 0)
    message = struct.pack(">hhi", 32, 1, corr) + string("bench") + body
    return struct.pack(">i", len(message)) + message


names = [f"big-{i}" for i in range(1, topics + 1)]
chunks = [names[i:i + chunk] for i in range(0, topics, chunk)]
sock = socket.create_connection((host, int(port)))
times, size = [], 0
for r in range(rounds):
    requests = b"".join(request(r * len(chunks) + i, c) for i, c in enumerate(chunks))
    start = time.monotonic()
    sock.sendall(requests)
    size = 0
    for _ in chunks:
        n = struct.unpack(">i", read_exactly(sock, 4))[0]
        read_exactly(sock, n)
        size += n
    times.append(time.monotonic() - start)
print(f"{statistics.median(times):.3f} {size}")

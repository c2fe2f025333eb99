"""The broker's own time to answer one DescribeConfigs (v1) for topics
big-1 .. big-N, as Apache's TopicCommand and kt both ask it for
`kafka-topics --describe`: the floor under either tool's wall time.

    python3 bench/lib/describe_configs.py HOST:PORT N SYNONYMS ROUNDS

SYNONYMS is 1 as librdkafka asks (kt) and 0 as Java's AdminClient asks
(Apache's tool). Prints the median round trip in seconds and the answer's
size in bytes. A plain-socket client, so nothing but the broker is timed.
"""
import socket
import statistics
import struct
import sys
import time

host, port = sys.argv[1].rsplit(":", 1)
topics, synonyms, rounds = int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])


def string(s):
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def read_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            sys.exit("bench: the broker closed the connection")
        buf += chunk
    return bytes(buf)


# DescribeConfigs v1: resources [type (2 = topic), name, config names (null)],
# include_synonyms.
body = struct.pack(">i", topics) + b"".join(
    struct.pack(">b", 2) + string(f"big-{i}") + struct.pack(">i", -1) for i in range(1, topics + 1)
) + struct.pack(">b", 1 if synonyms else 0)
sock = socket.create_connection((host, int(port)))
times, size = [], 0
for corr in range(rounds):
    message = struct.pack(">hhi", 32, 1, corr) + string("bench") + body
    start = time.monotonic()
    sock.sendall(struct.pack(">i", len(message)) + message)
    size = struct.unpack(">i", read_exactly(sock, 4))[0]
    read_exactly(sock, size)
    times.append(time.monotonic() - start)
print(f"{statistics.median(times):.3f} {size}")

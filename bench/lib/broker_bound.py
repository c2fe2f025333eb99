"""The brokers' own time to answer the requests a whole-cluster read waits
on: the floor under a tool's wall time, with nothing but the brokers timed
(plain sockets, no client library). Prints the median seconds of ROUNDS
and the answers' bytes.

    python3 bench/lib/broker_bound.py configs HOST:PORT[,...] N SYNONYMS CHUNK ROUNDS
    python3 bench/lib/broker_bound.py log-dirs HOST:PORT[,...] ROUNDS
    python3 bench/lib/broker_bound.py offsets HOST:PORT[,...] TIME ROUNDS

configs: DescribeConfigs (v1) of topics big-1 .. big-N, CHUNK topics a
request, with synonyms or not. Apache's TopicCommand sends one request for
every topic without synonyms to one broker (one address, SYNONYMS 0, CHUNK
N); kt sends requests of 50 without synonyms spread over every broker (all
addresses, SYNONYMS 0, CHUNK 50). Each broker's requests go out together on
one connection; the brokers are asked in parallel.

log-dirs: DescribeLogDirs (v1) of every topic, of every broker at once, as
both tools ask.

offsets: ListOffsets (v7) of every partition at TIME (-1 latest, -2
earliest, -3 max timestamp), one request per partition leader, the leaders
in parallel, as both tools ask.
"""
import socket
import statistics
import struct
import sys
import threading
import time


def string(s):
    b = s.encode()
    return struct.pack(">h", len(b)) + b


def compact_string(s):
    b = s.encode()
    return uvarint(len(b) + 1) + b


def uvarint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def read_exactly(sock, n):
    buf = bytearray()
    while len(buf) < n:
        got = sock.recv(min(n - len(buf), 1 << 20))
        if not got:
            sys.exit("bench: the broker closed the connection")
        buf += got
    return bytes(buf)


def frame(api_key, version, corr, body, flexible=False):
    header = struct.pack(">hhi", api_key, version, corr) + string("bench")
    if flexible:
        header += b"\x00"  # no tagged fields
    message = header + body
    return struct.pack(">i", len(message)) + message


def connect(address):
    host, port = address.rsplit(":", 1)
    sock = socket.create_connection((host, int(port)))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def answers(sock, count):
    size = 0
    for _ in range(count):
        n = struct.unpack(">i", read_exactly(sock, 4))[0]
        read_exactly(sock, n)
        size += n
    return size


def timed(jobs, rounds):
    """jobs: (socket, [request bytes]); each socket's requests sent at once,
    the sockets in parallel; the time until the last answer is read."""
    times, size = [], 0
    for _ in range(rounds):
        sizes = [0] * len(jobs)

        def run(i, sock, requests):
            sock.sendall(b"".join(requests))
            sizes[i] = answers(sock, len(requests))

        threads = [threading.Thread(target=run, args=(i, s, r)) for i, (s, r) in enumerate(jobs)]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        times.append(time.monotonic() - start)
        size = sum(sizes)
    return statistics.median(times), size


def configs(addresses, topics, synonyms, chunk, rounds):
    names = [f"big-{i}" for i in range(1, topics + 1)]
    chunks = [names[i:i + chunk] for i in range(0, topics, chunk)]
    socks = [connect(a) for a in addresses[: len(chunks)]]
    jobs = []
    for i, sock in enumerate(socks):
        requests = []
        for j, c in enumerate(chunks[i::len(socks)]):
            # resources [type (2 = topic), name, config names (null)], include_synonyms
            body = struct.pack(">i", len(c)) + b"".join(
                struct.pack(">b", 2) + string(n) + struct.pack(">i", -1) for n in c
            ) + struct.pack(">b", 1 if synonyms else 0)
            requests.append(frame(32, 1, j, body))
        jobs.append((sock, requests))
    return timed(jobs, rounds)


def log_dirs(addresses, rounds):
    # topics: null (every topic)
    return timed([(connect(a), [frame(35, 1, 1, struct.pack(">i", -1))]) for a in addresses], rounds)


def metadata(address):
    """Every partition's leader: {leader id: [(topic, partition)]}, and the
    brokers' addresses by id (Metadata v1, all topics)."""
    sock = connect(address)
    sock.sendall(frame(3, 1, 1, struct.pack(">i", -1)))
    n = struct.unpack(">i", read_exactly(sock, 4))[0]
    data, pos = read_exactly(sock, n), 4  # past the correlation id

    def take(fmt):
        nonlocal pos
        value = struct.unpack_from(fmt, data, pos)
        pos += struct.calcsize(fmt)
        return value[0]

    def text():
        nonlocal pos
        n = take(">h")
        if n < 0:
            return None
        value = data[pos:pos + n].decode()
        pos += n
        return value

    brokers = {}
    for _ in range(take(">i")):
        node, host, port = take(">i"), text(), take(">i")
        text()  # rack
        brokers[node] = f"{host}:{port}"
    take(">i")  # controller
    leaders = {}
    for _ in range(take(">i")):
        take(">h")
        topic = text()
        take(">b")  # internal
        for _ in range(take(">i")):
            take(">h")
            partition, leader = take(">i"), take(">i")
            for _ in range(2):  # replicas, isr
                ids = take(">i")
                pos += 4 * ids
            leaders.setdefault(leader, []).append((topic, partition))
    sock.close()
    return leaders, brokers


def offsets(addresses, at, rounds):
    leaders, brokers = metadata(addresses[0])
    jobs = []
    for leader, partitions in leaders.items():
        by_topic = {}
        for topic, partition in partitions:
            by_topic.setdefault(topic, []).append(partition)
        # v7 (flexible): replica_id, isolation_level, topics [name, partitions
        # [partition, current_leader_epoch, timestamp, tags], tags], tags
        body = struct.pack(">ib", -1, 0) + uvarint(len(by_topic) + 1)
        for topic, ps in by_topic.items():
            body += compact_string(topic) + uvarint(len(ps) + 1)
            body += b"".join(struct.pack(">iiq", p, -1, at) + b"\x00" for p in ps)
            body += b"\x00"
        body += b"\x00"
        jobs.append((connect(brokers[leader]), [frame(2, 7, 1, body, flexible=True)]))
    return timed(jobs, rounds)


kind, addresses = sys.argv[1], sys.argv[2].split(",")
if kind == "configs":
    topics, synonyms, chunk, rounds = int(sys.argv[3]), sys.argv[4] == "1", int(sys.argv[5]), int(sys.argv[6])
    seconds, size = configs(addresses, topics, synonyms, chunk, rounds)
elif kind == "log-dirs":
    seconds, size = log_dirs(addresses, int(sys.argv[3]))
elif kind == "offsets":
    seconds, size = offsets(addresses, int(sys.argv[3]), int(sys.argv[4]))
else:
    sys.exit(f"bench: no bound '{kind}': configs, log-dirs or offsets")
print(f"{seconds:.3f} {size}")

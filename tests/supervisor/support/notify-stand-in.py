# A stand-in for systemd's notify socket: binds an AF_UNIX datagram socket at
# argv[1], prints "ready" once bound, then one line per datagram received:
# "<ms since start> <payload>". Ends when stdin closes.
import os, socket, sys, threading, time

path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
start = time.monotonic()
print("ready", flush=True)

def watch_stdin():
    sys.stdin.read()
    os._exit(0)

threading.Thread(target=watch_stdin, daemon=True).start()
while True:
    data = s.recv(4096)
    print(f"{int((time.monotonic() - start) * 1000)} {data.decode('utf-8', 'replace').strip()}", flush=True)

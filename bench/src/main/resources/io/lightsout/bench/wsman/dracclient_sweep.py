# bench sweep-dracclient: OpenStack's iDRAC client reads the power state of every BMC listed on stdin
# ("address port user password" per line), with a pool of worker threads like Ironic's power sync.
# Prints one line per round: "round NAME wall_s cpu_s ok failed first_error".
import resource, sys, time, warnings
from concurrent.futures import ThreadPoolExecutor

warnings.filterwarnings("ignore")  # verify=False: dracclient does not check certificates (its own TODO)
from dracclient import client

threads, rounds = int(sys.argv[1]), int(sys.argv[2])
bmcs = [line.split() for line in sys.stdin if line.strip()]


def power(b):
    try:
        return client.DRACClient(b[0], b[2], b[3], port=int(b[1])).get_power_state(), None
    except Exception as e:  # one failure must not stop the sweep; the first is reported
        return None, "%s: %s" % (type(e).__name__, e)


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


with ThreadPoolExecutor(max_workers=threads) as pool:
    for rnd in range(rounds):
        c0, t0 = cpu(), time.monotonic()
        results = list(pool.map(power, bmcs))
        wall, used = time.monotonic() - t0, cpu() - c0
        ok = sum(1 for s, e in results if s in ("POWER_ON", "POWER_OFF"))
        errors = [e for s, e in results if e]
        name = ["first", "second"][rnd] if rnd < 2 else "round-%d" % (rnd + 1)
        print("round %s %.3f %.3f %d %d %s" % (name, wall, used, ok,
                                               len(results) - ok, (errors[0] if errors else "-").replace("\n", " ")),
              flush=True)

#!/usr/bin/env python3
"""Crash-consistency soak of the portal's send path (issue 9, point 4). Python 3 standard library only.

Started by soak.sh, which has already started the mail catcher and Keycloak and prepared the server's
base folder and the database. This program:

  1. starts WildFly (the way run.sh does: setsid standalone.sh -c standalone-full.xml, its own
     process group), waits for /portal/health/ready;
  2. runs concurrent API clients (patients start threads and reply; clinicians reply to the
     patients' threads), each send with an Idempotency-Key, and logs every confirmed send (201) to
     sends.jsonl, flushed per line; a send that got no answer is retried with the SAME key until it
     is confirmed (the portal answers a repeat with what the first did), or logged as unconfirmed;
  3. meanwhile kills WildFly with kill -9 (its whole process group) at random moments and restarts it;
  4. lets the email queue drain, then reconciles: every confirmed send exists exactly once (each
     message body carries its key, read back through the API as the thread's patient), every email
     that the existing messages should have caused was delivered exactly once (matched by the
     Message-ID the portal derives from "message/<id>/to/<user>"), queue depths (jboss-cli, local
     authentication), the audit chain (GET /audit/verify as the auditor), then stops WildFly and
     dumps the database tables (H2 Shell on the file, or psql) for a second look;
  5. writes report.json and report.md in the run folder and prints the report.

Nothing here runs in the Maven build.
"""

import argparse
import base64
import csv
import datetime
import email.parser
import hashlib
import hmac
import imaplib
import json
import os
import random
import re
import signal
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PORTAL = "http://localhost:8080/portal"
API = PORTAL + "/api/v1"
TOKEN_URL = "http://localhost:8180/realms/portal/protocol/openid-connect/token"
PASSWORD = "Demo-pass-2026"
# the demo realm's authenticator keys of the staff-side users (README), who must send a code too
OTP_SECRETS = {
    "dr.smith": "PCLOVZ47JDPZG3FV4PN3BZ5XRFBQ3VXV",
    "dr.chen": "THNGL2FBQXBTNFVE3PRR6SJT7STU3B26",
    "nurse.lee": "FBSIUPFAGYUMCMUWHVX75RZKUKJVD34D",
    "comms.diaz": "K5LKLGZ5F3ASD2ARXOYVQZOM63DTW3TW",
    "audit.kim": "H57PML342JAPKNE72FRIFVEAHOPX3PBQ",
    "admin.ito": "C6Q7IV4R6YU2HJHUP3ZJHGKNPFVN54V6",
}
PATIENTS = ["pat.jones", "sam.rivera"]
CLINICIANS = ["dr.smith", "dr.chen"]
MAIL_DOMAIN = "portal.test"
MARK = "soak-key:"
IMAP_PORT = 3143


def now():
    return datetime.datetime.now(datetime.timezone.utc)


def iso(t=None):
    return (t or now()).isoformat(timespec="milliseconds")


class Log:
    """A JSON-lines file written and flushed line by line (fsync'd: it must survive this program)."""

    def __init__(self, path):
        self.f = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()

    def write(self, record):
        with self.lock:
            self.f.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.f.flush()
            os.fsync(self.f.fileno())


def say(*parts):
    print(f"[{now().strftime('%H:%M:%S')}]", *parts, flush=True)


# --------------------------------------------------------------------------------------- HTTP


class NoAnswer(Exception):
    """The server gave no HTTP answer (refused, reset, timed out): the outcome is unknown."""


def http(method, url, token=None, body=None, headers=None, timeout=30, form=None):
    data = None
    h = dict(headers or {})
    if token:
        h["Authorization"] = "Bearer " + token
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        h["Content-Type"] = "application/json"
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        h["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        raise NoAnswer(str(e)) from e


class Tokens:
    """Password-grant tokens from the demo realm's portal-cli client, renewed every minute."""

    def __init__(self):
        self.cache = {}
        self.lock = threading.Lock()
        self.last_step = {}

    def totp(self, user):
        """The RFC 6238 code of the next 30 s step this user has not used (Keycloak takes a code
        once, from one step before to one step after the current one)."""
        with self.lock:
            step = max(int(time.time()) // 30, self.last_step.get(user, 0) + 1)
            self.last_step[user] = step
        while step > int(time.time()) // 30 + 1:
            time.sleep(1)
        key = base64.b32decode(OTP_SECRETS[user])
        digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
        offset = digest[-1] & 0x0F
        return "%06d" % ((struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1000000)

    def get(self, user, fresh=False):
        with self.lock:
            t = self.cache.get(user)
            if t and not fresh and time.monotonic() - t[1] < 60:
                return t[0]
        status, raw = http(
            "POST",
            TOKEN_URL,
            form={
                "grant_type": "password",
                "client_id": "portal-cli",
                "username": user,
                "password": PASSWORD,
                **({"totp": self.totp(user)} if user in OTP_SECRETS else {}),
            },
        )
        if status != 200:
            raise NoAnswer(f"token for {user}: HTTP {status}")
        token = json.loads(raw)["access_token"]
        with self.lock:
            self.cache[user] = (token, time.monotonic())
        return token


TOKENS = Tokens()


def list_threads():
    """(patient, thread id) of every thread in the patients' lists."""
    ids = set()
    for u in PATIENTS:
        try:
            status, raw = http("GET", API + "/threads", TOKENS.get(u, fresh=True), timeout=120)
        except NoAnswer as e:
            say(f"GET /threads as {u}: {e}")
            continue
        if status != 200:
            say(f"GET /threads as {u}: HTTP {status}")
            continue
        for t in json.loads(raw):
            ids.add((u, t["id"]))
    return ids


def accept_guidelines(user):
    token = TOKENS.get(user)
    status, raw = http("GET", API + "/messaging/guidelines", token)
    if status != 200:
        raise NoAnswer(f"guidelines: HTTP {status}")
    sha = json.loads(raw)["sha256"]
    status, raw = http(
        "POST", API + "/messaging/guidelines/acceptance", token, {"sha256": sha, "language": "en"}
    )
    if status not in (200, 204):
        raise NoAnswer(f"guidelines acceptance: HTTP {status} {raw[:200]!r}")


# --------------------------------------------------------------------------------------- WildFly


class WildFly:
    """WildFly started as run.sh starts it, in a session (process group) of its own."""

    def __init__(self, args, log):
        self.args = args
        self.log = log
        self.proc = None
        self.lock = threading.Lock()
        self.up = threading.Event()
        self.kills = []
        self.restarts = []

    def start(self):
        out = open(os.path.join(self.args.run_dir, "wildfly.log"), "ab")
        self.proc = subprocess.Popen(
            [
                os.path.join(self.args.server, "bin", "standalone.sh"),
                "-c",
                "standalone-full.xml",
                "-Djboss.server.base.dir=" + self.args.base_dir,
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        with open(os.path.join(self.args.run_dir, "wildfly.pid"), "w") as f:
            f.write(str(self.proc.pid))
        started = time.monotonic()
        while time.monotonic() - started < 300:
            if self.proc.poll() is not None:
                raise SystemExit("WildFly ended while starting; see wildfly.log")
            try:
                status, _ = http("GET", PORTAL + "/health/ready", timeout=5)
                if status == 200:
                    secs = time.monotonic() - started
                    self.up.set()
                    return secs
            except NoAnswer:
                pass
            time.sleep(0.25)
        raise SystemExit("WildFly did not become ready within 300 s")

    def kill9(self):
        self.up.clear()
        pid = self.proc.pid
        os.killpg(pid, signal.SIGKILL)
        self.proc.wait()
        return pid

    def stop(self):
        """A clean stop (jboss-cli :shutdown), then the process group if it lingers."""
        if not self.proc or self.proc.poll() is not None:
            return
        cli(self.args, ":shutdown", timeout=60)
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.up.clear()


def cli(args, command, timeout=60):
    """One jboss-cli command over local authentication (no password for the same OS user)."""
    r = subprocess.run(
        [os.path.join(args.server, "bin", "jboss-cli.sh"), "-c", "--command=" + command],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return r.stdout + r.stderr


def queue_depth(args, queue):
    out = cli(
        args,
        f"/subsystem=messaging-activemq/server=default/jms-queue={queue}"
        ":read-attribute(name=message-count)",
    )
    m = re.search(r'"result" => (\d+)L?', out)
    return int(m.group(1)) if m else None


# --------------------------------------------------------------------------------------- clients


class Shared:
    def __init__(self):
        self.lock = threading.Lock()
        # thread id -> (patient, clinician) for confirmed starts
        self.threads = {}
        self.attempted_keys = {}  # key -> record of the attempt
        self.confirmed = []
        self.unconfirmed = []
        self.rejected = []
        self.stop_sending = threading.Event()
        self.give_up_at = None  # monotonic time after which unconfirmed sends are abandoned


def client(n, user, role, shared, log, rng, args):
    """One client: a send at a time, each retried with its own key until the API confirms it."""
    while not shared.stop_sending.is_set():
        key = str(uuid.uuid4())
        body_text = f"Soak message from {user}, client {n}. {MARK}{key}"
        if role == "patient":
            with shared.lock:
                mine = [t for t, (p, _) in shared.threads.items() if p == user]
            if mine and rng.random() < 0.5:
                thread = rng.choice(mine)
                kind, url, payload, to = "reply", f"{API}/threads/{thread}/messages", {"body": body_text}, None
            else:
                to = rng.choice(CLINICIANS)
                kind, url, thread = "start", API + "/threads", None
                payload = {
                    "to": to,
                    "category": "GENERAL",
                    "subject": f"Soak {key[:8]}",
                    "body": body_text,
                    "readReceipt": False,
                }
        else:
            with shared.lock:
                theirs = [t for t, (_, c) in shared.threads.items() if c == user]
            if not theirs:
                time.sleep(0.5)
                continue
            thread = rng.choice(theirs)
            kind, url, payload, to = "reply", f"{API}/threads/{thread}/messages", {"body": body_text}, None
        first = now()
        record = {"key": key, "user": user, "client": n, "kind": kind, "thread": thread, "to": to}
        with shared.lock:
            shared.attempted_keys[key] = record
        attempts = 0
        outcome = None
        while True:
            if shared.give_up_at is not None and time.monotonic() > shared.give_up_at:
                break
            attempts += 1
            try:
                if not shared.stop_sending.is_set() or shared.give_up_at is not None:
                    pass
                token = TOKENS.get(user)
                status, raw = http(
                    "POST", url, token, payload, headers={"Idempotency-Key": key}, timeout=30
                )
            except NoAnswer as e:
                record.setdefault("no_answer", 0)
                record["no_answer"] += 1
                time.sleep(0.5)
                continue
            if status == 201:
                outcome = json.loads(raw)
                break
            if status == 401:
                try:
                    TOKENS.get(user, fresh=True)
                except NoAnswer:
                    time.sleep(0.5)
                continue
            if status in (502, 503, 504) or status >= 500:
                record.setdefault("http_5xx", []).append(status)
                time.sleep(0.5)
                continue
            text = raw.decode("utf-8", "replace")
            if "uideline" in text and attempts < 50:
                try:
                    accept_guidelines(user)
                except NoAnswer:
                    time.sleep(0.5)
                continue
            record["rejected"] = f"HTTP {status}: {text[:300]}"
            break
        record["attempts"] = attempts
        record["first_attempt"] = iso(first)
        if outcome is not None:
            record["confirmed_at"] = iso()
            record["confirmed_mono"] = time.monotonic()
            if kind == "start":
                record["thread"] = outcome["id"]
                with shared.lock:
                    shared.threads[outcome["id"]] = (user, to)
            else:
                record["message"] = outcome["id"]
            record["confirmed"] = True
            with shared.lock:
                shared.confirmed.append(record)
        elif "rejected" in record:
            record["confirmed"] = False
            with shared.lock:
                shared.rejected.append(record)
        else:
            record["confirmed"] = False
            with shared.lock:
                shared.unconfirmed.append(record)
        log.write({k: v for k, v in record.items() if k != "confirmed_mono"})
        if args.think > 0:
            time.sleep(rng.uniform(0, 2 * args.think))


def chaos(wf, shared, events, rng, args, deadline):
    """Kills WildFly with kill -9 at random moments until the deadline (and the minimum count)."""
    while True:
        gap = rng.uniform(args.kill_min_gap, args.kill_max_gap)
        time.sleep(gap)
        if time.monotonic() > deadline and len(wf.kills) >= args.kills:
            return
        if time.monotonic() > deadline + args.seconds:  # never more than twice the duration
            return
        pid = wf.kill9()
        t = time.monotonic()
        wf.kills.append({"at": iso(), "mono": t, "pid": pid, "uptime_gap_s": round(gap, 1)})
        events.write({"event": "kill -9", "at": iso(), "pid": pid, "n": len(wf.kills)})
        say(f"kill -9 #{len(wf.kills)} (WildFly pid {pid}), {len(shared.confirmed)} confirmed so far")
        time.sleep(rng.uniform(0, 2))  # clients meet a dead server for a moment
        secs = wf.start()
        wf.restarts.append(round(secs, 1))
        events.write({"event": "ready", "at": iso(), "start_seconds": round(secs, 1)})
        say(f"  WildFly ready again after {secs:.1f} s")


# --------------------------------------------------------------------------------------- mail


def mailbox_ids(user):
    """The Message-IDs in a user's INBOX at the mail catcher (IMAP, any password)."""
    imap = imaplib.IMAP4("127.0.0.1", IMAP_PORT)
    try:
        imap.login(f"{user}@{MAIL_DOMAIN}", "any password")
        imap.select("INBOX", readonly=True)
        typ, data = imap.search(None, "ALL")
        nums = data[0].split()
        ids = []
        for i in range(0, len(nums), 500):
            chunk = b",".join(nums[i : i + 500])
            typ, parts = imap.fetch(chunk, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
            for p in parts:
                if isinstance(p, tuple):
                    h = email.parser.BytesHeaderParser().parsebytes(p[1])
                    ids.append((h.get("Message-ID") or "").strip())
        return ids
    finally:
        try:
            imap.logout()
        except Exception:
            pass


def all_mail(users):
    return {u: mailbox_ids(u) for u in users}


def message_id(message, recipient):
    key = f"message/{message}/to/{recipient}"
    return "<" + hashlib.sha256(key.encode()).hexdigest()[:32] + ".portal@" + MAIL_DOMAIN + ">"


# --------------------------------------------------------------------------------------- database


def dump_tables(args):
    """The tables that matter, as CSV files in the run folder (WildFly is stopped for H2)."""
    queries = {
        "message": "select id, thread_id, author from message",
        "message_thread": "select id, patient, recipient_kind, recipient from message_thread",
        "message_submission": "select author, token, thread_id, message_id from message_submission",
        "email_delivery": "select idempotency_key, recipient from email_delivery",
        # the transactional outbox (after issue 9's outbox lands): rows left are work not yet queued
        "outbox": "select destination, idempotency_key from outbox",
    }
    optional = {"outbox"}
    out = {}
    for name, sql in queries.items():
        path = os.path.join(args.run_dir, f"db-{name}.csv")
        if args.db == "h2":
            url = (
                f"jdbc:h2:file:{args.base_dir}/data/portal/portal;MODE=PostgreSQL;"
                "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            )
            r = subprocess.run(
                ["java", "-cp", args.h2_jar, "org.h2.tools.Shell", "-url", url, "-user", "sa",
                 "-password", "sa", "-sql", f"call csvwrite('{path}', '{sql}')"],
                capture_output=True, text=True, timeout=300,
            )
        else:
            r = subprocess.run(
                ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", args.pg_db, "-v", "ON_ERROR_STOP=1",
                 "-c", f"\\copy ({sql}) to '{path}' csv header"],
                capture_output=True, text=True, timeout=300,
            )
        if r.returncode != 0 or not os.path.exists(path):
            if name not in optional:
                say(f"could not dump {name}: {r.stdout} {r.stderr}")
            out[name] = None
            continue
        with open(path, newline="", encoding="utf-8") as f:
            out[name] = [{k.lower(): v for k, v in row.items()} for row in csv.DictReader(f)]
    return out


# --------------------------------------------------------------------------------------- main


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run-dir", required=True)
    p.add_argument("--server", required=True, help="the WildFly home")
    p.add_argument("--base-dir", required=True, help="the server's base folder for this run")
    p.add_argument("--db", choices=["h2", "postgresql"], default="h2")
    p.add_argument("--pg-db", default="soak")
    p.add_argument("--h2-jar")
    p.add_argument("--seconds", type=int, default=300)
    p.add_argument("--kills", type=int, default=10, help="at least this many kill -9")
    p.add_argument("--kill-min-gap", type=float, default=4)
    p.add_argument("--kill-max-gap", type=float, default=16)
    p.add_argument("--patient-clients", type=int, default=4)
    p.add_argument("--clinician-clients", type=int, default=2)
    p.add_argument("--think", type=float, default=0.05, help="mean pause between a client's sends (s)")
    p.add_argument("--drain-seconds", type=int, default=240)
    p.add_argument("--retry-seconds", type=int, default=90,
                   help="after the load, how long unconfirmed sends are still retried")
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--label", default="")
    p.add_argument("--imap-port", type=int, default=3143)
    args = p.parse_args()
    global IMAP_PORT
    IMAP_PORT = args.imap_port

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    sends = Log(os.path.join(args.run_dir, "sends.jsonl"))
    events = Log(os.path.join(args.run_dir, "events.jsonl"))
    events.write({"event": "soak", "at": iso(), "seed": seed, "args": vars(args)})

    wf = WildFly(args, events)
    say(f"starting WildFly ({args.db}), seed {seed}")
    secs = wf.start()
    say(f"WildFly ready after {secs:.1f} s")
    for u in PATIENTS:
        accept_guidelines(u)
    everyone = PATIENTS + CLINICIANS + ["nurse.lee", "chris.jones"]
    # the messages there before the load (the demo data): not the soak's
    before_ids = set()
    for u, t in list_threads():
        status, raw = http("GET", f"{API}/threads/{t}", TOKENS.get(u), timeout=60)
        if status == 200:
            before_ids.update(m["id"] for m in json.loads(raw)["messages"])
    mail_before = {u: set(ids) for u, ids in all_mail(everyone).items()}

    shared = Shared()
    start = time.monotonic()
    deadline = start + args.seconds
    workers = []
    n = 0
    for i in range(args.patient_clients):
        n += 1
        workers.append(threading.Thread(
            target=client, args=(n, PATIENTS[i % len(PATIENTS)], "patient", shared, sends,
                                 random.Random(rng.random()), args), daemon=True))
    for i in range(args.clinician_clients):
        n += 1
        workers.append(threading.Thread(
            target=client, args=(n, CLINICIANS[i % len(CLINICIANS)], "clinician", shared, sends,
                                 random.Random(rng.random()), args), daemon=True))
    for w in workers:
        w.start()
    killer = threading.Thread(target=chaos, args=(wf, shared, events, rng, args, deadline))
    killer.start()
    last = 0
    while killer.is_alive():
        killer.join(timeout=15)
        c = len(shared.confirmed)
        say(f"{c} confirmed (+{c - last}), {len(wf.kills)} kills, "
            f"{time.monotonic() - start:.0f} s")
        last = c
    load_seconds = time.monotonic() - start
    shared.stop_sending.set()
    # the server is up (the chaos thread restarted it last): the clients finish their current send
    shared.give_up_at = time.monotonic() + args.retry_seconds
    for w in workers:
        w.join(timeout=args.retry_seconds + 40)
    say(f"load over after {load_seconds:.0f} s: {len(shared.confirmed)} confirmed, "
        f"{len(shared.unconfirmed)} unconfirmed, {len(shared.rejected)} rejected, {len(wf.kills)} kills")

    # ---- drain: the email queue empty and the mail count still for 20 s, or the bound
    say("draining the email queue")
    drain_start = time.monotonic()
    stable_since, last_total, depth = None, None, None
    while time.monotonic() - drain_start < args.drain_seconds:
        depth = queue_depth(args, "EmailQueue")
        total = sum(len(v) for v in all_mail(everyone).values())
        if total != last_total:
            stable_since, last_total = time.monotonic(), total
        say(f"  EmailQueue {depth}, {total} emails at the catcher")
        if depth == 0 and time.monotonic() - stable_since >= 20:
            break
        time.sleep(5)
    drain_seconds = time.monotonic() - drain_start

    # ---- reconcile through the API, as each patient (the body of every message carries its key)
    say("reading every thread back through the API")
    found = {}  # key -> list of (message id, thread id, author)
    messages = {}  # message id -> (thread, author, patient, to)
    # the patients' lists, and every thread the clients know of (should the list be paged)
    thread_ids = list_threads()
    for r in list(shared.attempted_keys.values()):
        if r.get("thread") is not None and r["user"] in PATIENTS:
            thread_ids.add((r["user"], r["thread"]))
        elif r.get("thread") is not None:
            with shared.lock:
                owner = shared.threads.get(r["thread"])
            if owner:
                thread_ids.add((owner[0], r["thread"]))
    for u, t in sorted(thread_ids):
        token = TOKENS.get(u)
        status, raw = http("GET", f"{API}/threads/{t}", token, timeout=60)
        if status != 200:
            say(f"GET /threads/{t} as {u}: HTTP {status}")
            continue
        th = json.loads(raw)
        for m in th["messages"]:
            body = m.get("body") or ""
            if MARK not in body:
                continue
            key = body.split(MARK, 1)[1].strip()
            found.setdefault(key, []).append((m["id"], t, m["from"]))
            messages[m["id"]] = (t, m["from"], th["patient"], th["to"])

    confirmed_keys = {r["key"]: r for r in shared.confirmed}
    lost = [r for k, r in confirmed_keys.items() if k not in found]
    duplicated = {k: v for k, v in found.items() if len(v) > 1}
    unconfirmed_committed = [r for r in shared.unconfirmed if r["key"] in found]
    unknown_keys = [k for k in found if k not in shared.attempted_keys]
    # how long before a kill each lost send was confirmed
    for r in lost:
        after = [k["mono"] - r["confirmed_mono"] for k in wf.kills if k["mono"] >= r["confirmed_mono"]]
        r["ms_before_next_kill"] = round(min(after) * 1000) if after else None

    # ---- emails: which existing messages should have caused which, and what arrived
    mail_after = all_mail(everyone)
    arrived = {}
    for u, ids in mail_after.items():
        for i in ids:
            if i in mail_before.get(u, set()):
                continue
            arrived.setdefault(i, []).append(u)
    expected = {}
    for mid, (t, author, patient, to) in messages.items():
        recipients = {to} if author == patient else {patient}
        recipients.discard(author)
        for r in recipients:
            expected[message_id(mid, r)] = (mid, r)
    delivered = {i: us for i, us in arrived.items() if i in expected}
    missing = [expected[i] for i in expected if i not in arrived]
    dup_mail = {i: us for i, us in delivered.items() if len(us) > 1}
    unexpected = {i: us for i, us in arrived.items() if i not in expected}
    # emails of confirmed replies that are lost (their id is known): sent for a message that is gone
    lost_reply_mail = []
    for r in lost:
        if r.get("message"):
            for who in CLINICIANS + PATIENTS:
                if message_id(r["message"], who) in arrived:
                    lost_reply_mail.append((r["message"], who))

    dlq = queue_depth(args, "EmailDLQ")
    email_queue = queue_depth(args, "EmailQueue")
    calls = queue_depth(args, "ReminderCallQueue")
    # Artemis's prepared XA branches that no one resolved (in doubt since a crash): sends and
    # receives of queue items that stay invisible or "delivering" until recovery decides them
    out = cli(args, "/subsystem=messaging-activemq/server=default:list-prepared-transaction-details-as-json")
    prepared_sends = out.count("(+) send")
    prepared_receives = out.count("(-) receive")
    prepared = len(re.findall(r"xid_as_base64", out))
    queue_state = cli(args, "/subsystem=messaging-activemq/server=default/jms-queue=EmailQueue"
                            ":read-resource(include-runtime=true)")
    with open(os.path.join(args.run_dir, "artemis-after-drain.txt"), "w", encoding="utf-8") as f:
        f.write(queue_state + "\n" + out)

    # ---- the audit chain (the sealer chains entries every 5 s: give it a moment)
    time.sleep(8)
    status, raw = http("GET", API + "/audit/verify", TOKENS.get("audit.kim"), timeout=300)
    try:
        verify = json.loads(raw)
    except ValueError:
        verify = {"raw": raw.decode("utf-8", "replace")[:500]}
    chain_valid = status == 200 and (verify.get("valid") is True or verify.get("result") == "VALID"
                                     or str(verify.get("status", "")).upper() == "VALID")

    say("stopping WildFly to read the database")
    wf.stop()
    db = dump_tables(args)
    dbcheck = {}
    if all(v is not None for k, v in db.items() if k != "outbox"):
        msg_ids = {int(r["id"]) for r in db["message"]}
        subs = {(r["author"], r["token"]): int(r["message_id"]) for r in db["message_submission"]}
        lost_db = [r for r in shared.confirmed if (r["user"], r["key"]) not in subs
                   or subs[(r["user"], r["key"])] not in msg_ids]
        soak_authors = set(PATIENTS + CLINICIANS)
        sub_msgs = set(subs.values())
        # every soak send carries a key, and a key claims one submission row: a message of the
        # soak's users written after the demo data without one was written twice
        keyless = [m for m in db["message"] if m["author"] in soak_authors
                   and int(m["id"]) not in sub_msgs and int(m["id"]) not in before_ids]
        deliveries_for_missing_messages = []
        for r in db["email_delivery"]:
            m = re.match(r"message/(\d+)/to/(.+)", r["idempotency_key"])
            if m and int(m.group(1)) not in msg_ids:
                deliveries_for_missing_messages.append(r["idempotency_key"])
        dbcheck = {
            "messages": len(msg_ids),
            "submissions": len(subs),
            "email_deliveries": len(db["email_delivery"]),
            "confirmed_not_in_db": len(lost_db),
            "soak_messages_without_key": len(keyless),
            "email_deliveries_for_missing_messages": len(deliveries_for_missing_messages),
            "outbox_rows_left": None if db.get("outbox") is None else len(db["outbox"]),
        }

    report = {
        "label": args.label,
        "database": args.db,
        "seed": seed,
        "load_seconds": round(load_seconds),
        "clients": args.patient_clients + args.clinician_clients,
        "kills": len(wf.kills),
        "restart_seconds": wf.restarts,
        "attempted": len(shared.attempted_keys),
        "confirmed": len(shared.confirmed),
        "confirmed_after_retry": sum(1 for r in shared.confirmed if r["attempts"] > 1),
        "unconfirmed": len(shared.unconfirmed),
        "unconfirmed_but_committed": len(unconfirmed_committed),
        "rejected": len(shared.rejected),
        "lost": len(lost),
        "lost_detail": [{k: r.get(k) for k in ("key", "user", "kind", "thread", "message",
                                                "confirmed_at", "attempts", "ms_before_next_kill")}
                        for r in lost],
        "duplicated": len(duplicated),
        "duplicated_detail": duplicated,
        "messages_in_unknown_keys": len(unknown_keys),
        "drain_seconds": round(drain_seconds),
        "emails_expected": len(expected),
        "emails_delivered": len(delivered),
        "emails_duplicated": len(dup_mail),
        "emails_duplicated_detail": [[expected[i], us] for i, us in dup_mail.items()],
        "emails_missing": len(missing),
        "emails_missing_detail": missing[:50],
        "emails_unexpected": len(unexpected),
        "emails_for_lost_replies": lost_reply_mail,
        "email_queue_left": email_queue,
        "email_dlq": dlq,
        "reminder_call_queue_left": calls,
        "artemis_prepared_transactions": prepared,
        "artemis_prepared_sends": prepared_sends,
        "artemis_prepared_receives": prepared_receives,
        "audit_verify_status": status,
        "audit_verify": verify,
        "chain_valid": chain_valid,
        "db_check": dbcheck,
    }
    with open(os.path.join(args.run_dir, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2, ensure_ascii=False, default=str)
    rows = [
        ("kills (kill -9)", report["kills"]),
        ("load time, s", report["load_seconds"]),
        ("sends attempted / confirmed (201)", f'{report["attempted"]} / {report["confirmed"]}'),
        ("confirmed only after a retry with the same key", report["confirmed_after_retry"]),
        ("unconfirmed (given up) / of them committed", f'{report["unconfirmed"]} / {report["unconfirmed_but_committed"]}'),
        ("rejected (4xx)", report["rejected"]),
        ("**confirmed but lost**", report["lost"]),
        ("**duplicated** (one key, several messages)", report["duplicated"]),
        ("emails expected (for the messages that exist)", report["emails_expected"]),
        ("emails delivered / duplicated / missing", f'{report["emails_delivered"]} / {report["emails_duplicated"]} / {report["emails_missing"]}'),
        ("emails for no existing message", report["emails_unexpected"]),
        ("EmailQueue left after drain / EmailDLQ", f'{report["email_queue_left"]} / {report["email_dlq"]}'),
        ("Artemis XA branches left in doubt (sends / receives)",
         f'{report["artemis_prepared_transactions"]} ({prepared_sends} / {prepared_receives})'),
        ("audit chain valid", report["chain_valid"]),
    ]
    if dbcheck:
        rows.append(("database: confirmed not found / messages without a key / email_delivery rows of missing messages",
                     f'{dbcheck["confirmed_not_in_db"]} / {dbcheck["soak_messages_without_key"]} / '
                     f'{dbcheck["email_deliveries_for_missing_messages"]}'))
    if dbcheck and dbcheck["outbox_rows_left"] is not None:
        rows.append(("outbox rows left after the drain", dbcheck["outbox_rows_left"]))
    if lost:
        gaps = [r["ms_before_next_kill"] for r in lost if r["ms_before_next_kill"] is not None]
        if gaps:
            rows.append(("lost sends were confirmed this long before a kill", f"{min(gaps)}–{max(gaps)} ms"))
    md = "| figure | value |\n|---|---|\n" + "".join(f"| {a} | {b} |\n" for a, b in rows)
    with open(os.path.join(args.run_dir, "report.md"), "w", encoding="utf-8") as f:
        f.write(md)
    print()
    print(md)
    bad = (dbcheck and (dbcheck["confirmed_not_in_db"] or dbcheck["soak_messages_without_key"]
                        or dbcheck["outbox_rows_left"])) or report["lost"] or report["duplicated"] or report["emails_duplicated"] or report["emails_missing"] \
        or report["email_queue_left"] or not chain_valid
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The delay from a send to the delivery of its notification emails, queue included: joins the mail
sink's receipts (receipt time in ms, Message-ID) with the messages sent since a time, read from the
portal's database. The portal's Message-ID of a notification is
"<" + the first 16 bytes of SHA-256("message/{id}/to/{username}") in hex + ".portal@" + the sender's
domain + ">" (EmailItem.messageId and NewMessageNotices); who is notified follows NewMessageNotices:
the patient's message goes to the addressed clinician, or to every member of the addressed pool; a
care team member's message goes to the patient. Standard library only (psql for the query).

    python3 portal-bench/mail_delay.py <receipts.tsv> <database> <since epoch ms> [domain=portal.test]

prints a JSON object: emails expected, received, p50/p95/p99/max delay in ms.
"""
import hashlib
import json
import subprocess
import sys


def psql(db, sql):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-F", "\t", "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def main():
    receipts_file, db, since = sys.argv[1], sys.argv[2], int(sys.argv[3])
    domain = sys.argv[4] if len(sys.argv) > 4 else "portal.test"
    received = {}
    with open(receipts_file, encoding="utf-8") as f:
        for line in f:
            t, mid = line.rstrip("\n").split("\t", 1)
            received.setdefault(mid, int(t))
    members = {}
    for code, username in psql(db, "select p.code, m.username from care_pool p join care_pool_member m on m.pool_id = p.id"):
        members.setdefault(code, []).append(username)
    rows = psql(db, "select m.id, (extract(epoch from m.sent_at) * 1000)::bigint, m.author, t.patient,"
                    " t.recipient_kind, t.recipient from message m join message_thread t on t.id = m.thread_id"
                    f" where m.sent_at >= to_timestamp({since} / 1000.0)")
    delays, expected = [], 0
    for mid, sent, author, patient, kind, recipient in rows:
        if author == patient:
            to = [recipient] if kind == "USER" else members.get(recipient, [])
        else:
            to = [patient]
        for user in to:
            if user == author:
                continue
            expected += 1
            key = f"message/{mid}/to/{user}"
            message_id = "<" + hashlib.sha256(key.encode()).hexdigest()[:32] + ".portal@" + domain + ">"
            if message_id in received:
                delays.append(received[message_id] - int(sent))
    delays.sort()

    def pct(p):
        if not delays:
            return None
        return delays[max(0, min(len(delays) - 1, -(-int(p * len(delays) * 1000) // 1000) - 1))]

    print(json.dumps({"messagesSent": len(rows), "emailsExpected": expected, "emailsReceived": len(delays),
                      "delayP50Ms": pct(0.5), "delayP95Ms": pct(0.95), "delayP99Ms": pct(0.99),
                      "delayMaxMs": delays[-1] if delays else None}))


if __name__ == "__main__":
    main()

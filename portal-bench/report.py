#!/usr/bin/env python3
"""The load benchmark's report: a chart (SVG, drawn by hand) of achieved throughput and p99 latency
against the offered rate for each scenario, and the Markdown tables, from the files run-bench.sh
leaves in target/bench. Standard library only.

    python3 portal-bench/report.py target/bench docs

writes <docs>/benchmarks-load.svg, <docs>/benchmarks-load.md and <results>/report.md.
"""
import json
import os
import re
import sys
from html import escape


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def fmt(v, digits=0):
    if v is None:
        return "–"
    return f"{v:,.{digits}f}"


def pgbench_tps(text):
    m = re.search(r"^tps = ([0-9.]+)", text or "", re.M)
    return float(m.group(1)) if m else None


def cores(r):
    """Where the machine's cores went in the step (older result files have no such figures)."""
    c = r.get("cores") or {}
    if not c:
        return "–"
    return " / ".join(fmt(c.get(k)) for k in ("machine", "wildfly", "postgres", "loadTool", "keycloak"))


def table(rows, step_seconds=None):
    """One line per scenario and step; with step_seconds, a first column says when the step began."""
    when = "| s into the pass " if step_seconds else ""
    out = [when + "| scenario | offered/s | achieved/s | p50 ms | p95 ms | p99 ms | errors | server CPU ms/op "
                  "| cores busy: all / WildFly / PostgreSQL / load tool / Keycloak (% of one core) |",
           ("|---" if step_seconds else "") + "|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        errors = r["errors"]
        if errors:
            codes = ", ".join(f"{k}×{v}" for k, v in r["statuses"].items() if k not in ("200", "201"))
            errors = f"{errors} ({codes})"
        start = f"| {(r['step'] - 1) * step_seconds}–{r['step'] * step_seconds} " if step_seconds else ""
        out.append(start + f"| {r['scenario']} | {fmt(r['offered'])} | {fmt(r['achieved'], 1)} | {fmt(r['p50'])} | "
                   f"{fmt(r['p95'])} | {fmt(r['p99'])} | {errors} | {fmt(r['cpuMsPerOp'], 2)} | {cores(r)} |")
    return "\n".join(out)


def chart(rows, path):
    scenarios = []
    for r in rows:
        if r["scenario"] not in scenarios:
            scenarios.append(r["scenario"])
    cols = 3
    pw, ph = 320, 230
    ml, mr, mt, mb = 48, 48, 34, 36
    width = cols * pw
    height = ((len(scenarios) + cols - 1) // cols) * ph + 40
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="20" font-size="14">Achieved throughput (blue, left axis, req/s) and p99 '
           f'latency (red, right axis, ms) against the offered rate (req/s); dotted: achieved = offered</text>']
    for i, name in enumerate(scenarios):
        pts = [r for r in rows if r["scenario"] == name]
        x0 = (i % cols) * pw + ml
        y0 = (i // cols) * ph + 40 + mt
        w, h = pw - ml - mr, ph - mt - mb
        xmax = max(r["offered"] for r in pts) * 1.05 or 1
        ymax = max(max((r["achieved"] or 0) for r in pts), max(r["offered"] for r in pts)) * 1.1 or 1
        lmax = max((r["p99"] or 0) for r in pts) * 1.1 or 1

        def X(v):
            return x0 + w * v / xmax

        def Y(v):
            return y0 + h - h * v / ymax

        def L(v):
            return y0 + h - h * v / lmax

        svg.append(f'<text x="{x0}" y="{y0 - 10}" font-size="13" font-weight="bold">{escape(name)}</text>')
        svg.append(f'<rect x="{x0}" y="{y0}" width="{w}" height="{h}" fill="none" stroke="#999"/>')
        for k in range(5):
            gy = y0 + h * k / 4
            svg.append(f'<line x1="{x0}" y1="{gy:.1f}" x2="{x0 + w}" y2="{gy:.1f}" stroke="#eee"/>')
            svg.append(f'<text x="{x0 - 4}" y="{gy + 4:.1f}" text-anchor="end" fill="#1f77b4">'
                       f'{ymax * (4 - k) / 4:.0f}</text>')
            svg.append(f'<text x="{x0 + w + 4}" y="{gy + 4:.1f}" fill="#d62728">{lmax * (4 - k) / 4:.0f}</text>')
        for r in pts:
            svg.append(f'<text x="{X(r["offered"]):.1f}" y="{y0 + h + 14}" text-anchor="middle">'
                       f'{r["offered"]:.0f}</text>')
        svg.append(f'<text x="{x0 + w / 2}" y="{y0 + h + 28}" text-anchor="middle" fill="#555">offered/s</text>')
        svg.append(f'<line x1="{X(0):.1f}" y1="{Y(0):.1f}" x2="{X(min(xmax, ymax)):.1f}" '
                   f'y2="{Y(min(xmax, ymax)):.1f}" stroke="#aaa" stroke-dasharray="3,3"/>')
        for key, scale, color in (("achieved", Y, "#1f77b4"), ("p99", L, "#d62728")):
            xy = [(X(r["offered"]), scale(r[key])) for r in pts if r[key] is not None]
            if xy:
                svg.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>'
                           % (color, " ".join(f"{a:.1f},{b:.1f}" for a, b in xy)))
                for a, b in xy:
                    svg.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="3" fill="{color}"/>')
        errs = sum(r["errors"] for r in pts)
        if errs:
            svg.append(f'<text x="{x0 + 4}" y="{y0 + 12}" fill="#d62728">{errs} errors</text>')
    svg.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(svg) + "\n")


def main():
    results, docs = sys.argv[1], sys.argv[2]
    stepped = load(os.path.join(results, "results-stepped.json"))
    first = load(os.path.join(results, "results-first-minute.json"))
    first_ok = load(os.path.join(results, "first-ok.json")) or {}
    verify = load(os.path.join(results, "audit-verify.json")) or {}

    def read(name):
        try:
            with open(os.path.join(results, name), encoding="utf-8") as f:
                return f.read().strip()
        except OSError:
            return ""

    tps = pgbench_tps(read("pgbench.txt"))
    md = ["# Load benchmark results (portal-bench/run-bench.sh)", ""]
    run = read("run.txt")
    if run:
        md.append(f"Run: `{run}`. ")
    md.append(f"Database: {read('database.txt').removeprefix('database: ') or 'unknown'}. ")
    gen = re.search(r"generation took (\d+) s", read("logs/generator.log"))
    if gen:
        md.append(f"Generation took {gen.group(1)} s. ")
    md.append("")
    md.append("## Calibration")
    md.append("")
    md.append(f"- pgbench TPC-B (scale 10, 8 clients, 2 threads, 30 s) on the same PostgreSQL: "
              f"**{fmt(tps)} tps**")
    if stepped:
        for name in ("me", "health"):
            best = [r for r in stepped["rows"] if r["scenario"] == name]
            if best:
                top = max(best, key=lambda r: r["achieved"] or 0)
                md.append(f"- `{name}` (trivial endpoint): {fmt(top['achieved'], 1)}/s at {fmt(top['offered'])}/s "
                          f"offered, p99 {fmt(top['p99'])} ms")
    md.append(f"- mail: {read('mail.txt') or 'no mail sink figures'}")
    delay = load(os.path.join(results, "mail-delay.json"))
    if delay:
        md.append(f"- notification emails, from the send (the message's sent_at) to the sink's receipt: "
                  f"{delay['emailsReceived']} of {delay['emailsExpected']} expected received, p50 "
                  f"{fmt(delay['delayP50Ms'])} ms, p95 {fmt(delay['delayP95Ms'])} ms, p99 {fmt(delay['delayP99Ms'])} ms, "
                  f"max {fmt(delay['delayMaxMs'])} ms")
    if verify:
        md.append(f"- audit chain after the run: valid = {verify.get('valid')}, "
                  f"{verify.get('entriesChecked')} entries checked")
    md.append("")
    if first or first_ok:
        md.append("## The first minute after a start")
        md.append("")
        if first_ok:
            md.append(f"First 200 of `GET /me` {first_ok.get('timeToFirstOkMs')} ms after `standalone.sh` "
                      f"was started. Then send, open and inbox at once, each at a constant rate, in steps "
                      f"of {first['stepSeconds'] if first else '?'} s (the server's CPU per operation counts the three "
                      f"scenarios' operations together):")
            md.append("")
        if first:
            md.append(table(first["rows"], first["stepSeconds"]))
            md.append("")
    if stepped:
        md.append(f"## Stepped arrival rates ({stepped['stepSeconds']} s a step, one scenario after another)")
        md.append("")
        md.append(table(stepped["rows"]))
        after = stepped.get("after") or {}
        if after:
            md += ["", "After each scenario's last step, until WildFly was idle again (under 5 % of a core"
                   " for 2 s): the work its requests left behind, such as the emails of sends.", "",
                   "| scenario | seconds to idle | WildFly CPU after the load |", "|---|---|---|"]
            for name, a in after.items():
                md.append(f"| {name} | {a['seconds']} | {fmt(a['cpuMs'])} ms |")
        md.append("")
        if tps:
            md.append("Ratios to pgbench TPC-B (for comparing machines): the best achieved rate of each "
                      "scenario divided by pgbench's tps:")
            md.append("")
            ratios = []
            for name in dict.fromkeys(r["scenario"] for r in stepped["rows"]):
                top = max((r["achieved"] or 0) for r in stepped["rows"] if r["scenario"] == name)
                ratios.append(f"{name} {top / tps:.3f}")
            md.append(", ".join(ratios))
            md.append("")
        chart(stepped["rows"], os.path.join(docs, "benchmarks-load.svg"))
        md.append("![throughput and p99 against offered rate](benchmarks-load.svg)")
        md.append("")
    text = "\n".join(md) + "\n"
    for path in (os.path.join(results, "report.md"), os.path.join(docs, "benchmarks-load.md")):
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    print(text)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Sums up a JFR recording of WildFly (settings=profile): where the CPU samples were, by component.

    python3 portal-bench/jfr_top.py wildfly.jfr [--frames 25]

Each execution sample is charged to a component twice over: "self" by its top frame (where the
thread was running), and "inclusive" by every component on its stack (what a request spent inside
it, callees included). Components are named by package prefixes below; the JDK's own frames are
charged to the first caller outside the JDK for "self" only when the top frame is in the JDK
(java.*, jdk.*, sun.*), so that time in, say, HashMap.get counts where it was called from.
Standard library only; needs the JDK's `jfr` tool on the PATH (or JAVA_HOME).
"""
import collections
import os
import shutil
import subprocess
import sys

COMPONENTS = [
    ("org.patientportal.", "portal code"),
    ("org.hibernate.", "Hibernate"),
    ("org.postgresql.", "PostgreSQL JDBC driver"),
    ("org.h2.", "H2"),
    ("org.jboss.jca.", "JCA connection pool"),
    ("org.jboss.as.connector.", "JCA connection pool"),
    ("com.arjuna.", "Narayana (transactions)"),
    ("org.jboss.narayana.", "Narayana (transactions)"),
    ("org.apache.activemq.", "Artemis"),
    ("org.jboss.resteasy.", "RESTEasy"),
    ("org.eclipse.yasson.", "JSON-B (Yasson)"),
    ("org.eclipse.parsson.", "JSON-P (Parsson)"),
    ("io.undertow.", "Undertow"),
    ("org.xnio.", "XNIO"),
    ("org.wildfly.security.", "Elytron / OIDC"),
    ("org.jose4j.", "jose4j (token checks)"),
    ("org.bouncycastle.", "BouncyCastle"),
    ("org.jboss.weld.", "Weld (CDI)"),
    ("org.jboss.as.ejb3.", "EJB container"),
    ("org.jboss.invocation.", "EJB container"),
    ("org.jboss.as.ee.", "EE container"),
    ("org.hibernate.validator.", "Bean Validation"),
    ("jakarta.mail.", "Jakarta Mail"),
    ("org.eclipse.angus.", "Jakarta Mail"),
    ("com.sun.crypto.", "JDK crypto"),
    ("javax.crypto.", "JDK crypto"),
    ("sun.security.", "JDK crypto"),
    ("java.util.logging.", "logging"),
    ("org.jboss.logmanager.", "logging"),
    ("sun.nio.", "JDK network/IO"),
    ("java.net.", "JDK network/IO"),
    ("java.nio.", "JDK network/IO"),
]

JDK = ("java.", "jdk.", "sun.", "javax.", "com.sun.")


def component(method):
    for prefix, name in COMPONENTS:
        if method.startswith(prefix):
            return name
    if method.startswith(JDK):
        return None
    return "other libraries"


def jfr_tool():
    home = os.environ.get("JAVA_HOME")
    if home and os.path.exists(os.path.join(home, "bin", "jfr")):
        return os.path.join(home, "bin", "jfr")
    return shutil.which("jfr") or "jfr"


def main():
    path = sys.argv[1]
    frames_shown = int(sys.argv[sys.argv.index("--frames") + 1]) if "--frames" in sys.argv else 25
    # the text form, read as it comes: the JSON form of a few minutes' samples is gigabytes
    proc = subprocess.Popen([jfr_tool(), "print", "--events", "jdk.ExecutionSample",
                             "--stack-depth", "96", path], stdout=subprocess.PIPE, text=True)
    self_by = collections.Counter()
    incl_by = collections.Counter()
    top_methods = collections.Counter()

    def charge(names):
        if not names:
            return
        top_methods[names[0]] += 1
        own = None
        for n in names:
            c = component(n)
            if c is not None:
                own = c
                break
        self_by[own or "JDK only"] += 1
        seen = set()
        for n in names:
            c = component(n)
            if c and c not in seen:
                seen.add(c)
                incl_by[c] += 1

    names, in_stack = [], False
    for line in proc.stdout:
        line = line.strip()
        if line.startswith("stackTrace = ["):
            names, in_stack = [], True
        elif in_stack and line.startswith("]"):
            charge(names)
            in_stack = False
        elif in_stack and line and line != "...":
            # "org.x.Y.method(args) line: 12" -> "org.x.Y.method"
            names.append(line.split("(", 1)[0])
    proc.wait()
    total = sum(self_by.values()) or 1
    print(f"{total} execution samples in {path}")
    print(f"\n{'component':32} {'self %':>7} {'inclusive %':>12}")
    for name, n in self_by.most_common():
        print(f"{name:32} {100 * n / total:7.1f} {100 * incl_by.get(name, 0) / total:12.1f}")
    print(f"\ntop {frames_shown} methods by samples at the top of the stack:")
    for name, n in top_methods.most_common(frames_shown):
        print(f"{100 * n / total:6.1f}%  {name}")


if __name__ == "__main__":
    main()

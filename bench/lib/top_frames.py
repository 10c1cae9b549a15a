#!/usr/bin/env python3
"""Summarises `jfr print --stack-depth 64 --events jdk.ExecutionSample` output.

Prints (1) the hottest top frames (where the CPU was when sampled, "self" time), (2) the methods
found most often anywhere on the sampled stacks ("total" time; one count per stack), and (3) the
share of samples whose stack passes through each area of interest (JWT verification, the rate
limiter, EclipseLink, the JDBC driver, logging, JSON, ...).
"""
import re
import sys
from collections import Counter

AREAS = [
    ("JWT verification (mpJwt, jose4j, RSA)", ("jwt", "jose4j", "RSA", "Signature.verify")),
    ("session check (SessionRevocations)", ("SessionRevocations",)),
    ("rate limiter", ("RateLimitFilter", "SlidingWindow")),
    ("access control filter", ("AccessControl",)),
    ("booking code (org.boxoffice.booking)", ("org.boxoffice.booking",)),
    ("EclipseLink", ("org.eclipse.persistence",)),
    ("PostgreSQL JDBC driver", ("org.postgresql",)),
    ("Liberty connection pool / JTA", ("com.ibm.ws.rsadapter", "com.ibm.ejs.j2c", "com.ibm.tx", "com.ibm.ws.tx")),
    ("CDI interceptors/proxies (Weld)", ("org.jboss.weld",)),
    ("JAX-RS (RESTEasy)", ("org.jboss.resteasy",)),
    ("JSON-B / JSON-P", ("yasson", "org.eclipse.parsson", "jakarta.json")),
    ("logging (Liberty logging, access log)", ("com.ibm.ws.logging", "com.ibm.ws.http.logging", "java.util.logging")),
    ("bean validation", ("org.hibernate.validator", "org.apache.bval")),
    ("metrics / telemetry", ("io.smallrye.metrics", "io.opentelemetry", "com.ibm.ws.microprofile.metrics", "io.openliberty.microprofile.metrics")),
    ("HTTP channel (Liberty)", ("com.ibm.ws.http", "com.ibm.ws.tcpchannel", "com.ibm.io.async")),
    ("email: ticket PDF (OpenPDF)", ("com.lowagie",)),
    ("email: QR codes (ZXing) and their PNGs (ImageIO)", ("com.google.zxing", "javax.imageio", "com.sun.imageio")),
    ("email: calendar (.ics)", ("CalendarWriter", "net.fortuna")),
    ("email: MIME and SMTP (Jakarta Mail)", ("jakarta.mail", "com.sun.mail", "org.eclipse.angus")),
    ("email: outbox sender (org.boxoffice.notifications)", ("org.boxoffice.notifications",)),
]

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def stacks(lines):
    current, inside = [], False
    for line in lines:
        if "stackTrace = [" in line:
            current, inside = [], True
        elif inside and line.strip().startswith("]"):
            inside = False
            yield current
        elif inside:
            m = FRAME.match(line)
            if m:
                current.append(m.group(1))


def main(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        all_stacks = list(stacks(f))
    n = len(all_stacks)
    if n == 0:
        print("no samples")
        return
    top = Counter(s[0] for s in all_stacks if s)
    total = Counter()
    areas = Counter()
    for s in all_stacks:
        total.update(set(s))
        joined = " ".join(s)
        for name, markers in AREAS:
            if markers and any(m in joined for m in markers):
                areas[name] += 1
    print(f"{n} execution samples")
    print("\n-- share of samples whose stack passes through (areas overlap)")
    for name, count in areas.most_common():
        print(f"{100 * count / n:5.1f} %  {name}")
    print("\n-- self time by area (the sampled frame itself; areas by package)")
    self_areas = Counter()
    for s in all_stacks:
        if not s:
            continue
        name = next((n for n, markers in AREAS if any(m in s[0] for m in markers)), None)
        if name is None:
            name = "JDK (" + ".".join(s[0].split(".")[:2]) + ")" if s[0].startswith(("java.", "jdk.", "sun.")) else "other: " + ".".join(s[0].split(".")[:3])
        self_areas[name] += 1
    for name, count in self_areas.most_common(20):
        print(f"{100 * count / n:5.1f} %  {name}")
    print("\n-- innermost org.boxoffice frame of each sample (what our code was doing or waiting on)")
    ours = Counter(next((f for f in s if f.startswith("org.boxoffice")), "(no org.boxoffice frame)") for s in all_stacks)
    for frame, count in ours.most_common(15):
        print(f"{100 * count / n:5.1f} %  {frame}")
    print("\n-- top frames (self)")
    for frame, count in top.most_common(25):
        print(f"{100 * count / n:5.1f} %  {frame}")
    print("\n-- methods on the stack (total), org.boxoffice and selected libraries")
    shown = 0
    for frame, count in total.most_common():
        if frame.startswith(("java.", "jdk.", "sun.")) and "Signature" not in frame:
            continue
        print(f"{100 * count / n:5.1f} %  {frame}")
        shown += 1
        if shown == 40:
            break


if __name__ == "__main__":
    main(sys.argv[1])

package org.liandong.bench;

import io.vertx.core.json.JsonObject;

/** The results as a Markdown table, with each target and whether it was met. */
final class Report {
  private Report() {}

  static String markdown(JsonObject r) {
    var f = r.getJsonObject("fanout");
    var b = r.getJsonObject("fanoutBaseline");
    var f1 = r.getJsonObject("fanout1000");
    var w = r.getJsonObject("writes");
    var m = r.getJsonObject("memory");
    var reads = r.getJsonObject("reads");
    var sb = new StringBuilder();
    sb.append("| measure | Liandong | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
    if (f != null) fanout(sb, f, b, f1);
    if (w != null) writes(sb, w);
    if (r.getJsonObject("hot") != null) rates(sb, "hot project (all writes on one project)", r.getJsonObject("hot"), true);
    if (r.getJsonObject("many") != null) rates(sb, "many projects (writes spread over " + Fixtures.MANY + " projects)", r.getJsonObject("many"), false);
    var refused = r.getJsonObject("refused");
    if (refused != null) {
      row(sb, "writes refused by back-pressure (project / node bound); write transactions / writes",
          refused.getLong("project") + " / " + refused.getLong("node") + "; " + refused.getLong("transactions") + " / " + refused.getLong("writes"),
          "", "", "", null);
    }
    if (r.getJsonObject("cluster") != null) cluster(sb, r.getJsonObject("cluster"));
    if (reads != null) reads(sb, reads);
    if (m != null) memory(sb, m);
    gc(sb, r);
    sb.append("\nMachine: ").append(r.getJsonObject("machine").encode()).append(" · collector ").append(r.getString("collector"))
        .append(" · writes per transaction at most ").append(r.getInteger("writeBatch")).append(" · run at ").append(r.getString("at")).append(" · ").append(r.getLong("seconds")).append(" s\n");
    return sb.toString();
  }

  private static void fanout(StringBuilder sb, JsonObject f, JsonObject b, JsonObject f1) {
    double p99Ratio = f.getDouble("p99ms") / Math.max(0.001, b.getDouble("p99ms"));
    row(sb, "fan-out, latency from intended send to screen, p50 / p99 / p99.9 / max (ms): " + f.getInteger("clients") + " clients, "
            + f.getInteger("channels") + " channels, " + f.getInteger("rate") + " writes/s on one project",
        fmt(f.getDouble("p50ms")) + " / " + fmt(f.getDouble("p99ms")) + " / " + fmt(f.getDouble("p999ms")) + " / " + fmt(f.getDouble("maxMs")),
        fmt(b.getDouble("p50ms")) + " / " + fmt(b.getDouble("p99ms")) + " / " + fmt(b.getDouble("p999ms")) + " / " + fmt(b.getDouble("maxMs")),
        "p99 × " + fmt(p99Ratio), "p99 ≤ 1.5 × baseline", p99Ratio <= 1.5);
    row(sb, "deliveries: delivered / expected (lost), per second",
        f.getLong("delivered") + " / " + f.getLong("expected") + " (" + f.getLong("lost") + "), " + fmt(f.getDouble("deliveriesPerSecond")),
        b.getLong("delivered") + " / " + b.getLong("expected") + " (" + b.getLong("lost") + "), " + fmt(b.getDouble("deliveriesPerSecond")),
        "", "every delivery arrives", f.getLong("lost") == 0 && f.getLong("expected") > 0);
    row(sb, "writes answered, from intended send time, p50 / p99 (ms)",
        fmt(f.getDouble("writeAnsweredP50ms")) + " / " + fmt(f.getDouble("writeAnsweredP99ms")),
        fmt(b.getDouble("writeAnsweredP50ms")) + " / " + fmt(b.getDouble("writeAnsweredP99ms")), "", "", null);
    row(sb, "gaps / duplicates / errors", f.getLong("gaps") + " / " + f.getLong("duplicates") + " / " + f.getLong("errors"),
        b.getLong("gaps") + " / " + b.getLong("duplicates") + " / " + b.getLong("errors"), "", "0 / 0 / 0",
        f.getLong("gaps") == 0 && f.getLong("duplicates") == 0 && f.getLong("errors") == 0);
    if (f1 != null) {
      var c = f1.getDouble("commitToScreenP99ms");
      row(sb, "commit-to-screen, from the commit's own time, p50 / p99 / max (ms): " + f1.getInteger("clients") + " clients, "
              + f1.getInteger("rate") + " writes/s (" + f1.getLong("commitToScreenDeliveries") + " deliveries)",
          fmt(f1.getDouble("commitToScreenP50ms")) + " / " + fmt(c) + " / " + fmt(f1.getDouble("commitToScreenMaxMs")), "", "", "p99 ≤ 50 ms",
          c != null && c <= 50);
      row(sb, "the same run, from intended send to screen, p50 / p99 (ms); lost", fmt(f1.getDouble("p50ms")) + " / " + fmt(f1.getDouble("p99ms"))
          + "; " + f1.getLong("lost"), "", "", "", null);
    }
  }

  private static void writes(StringBuilder sb, JsonObject w) {
    var api = w.getJsonObject("api");
    var raw = w.getJsonObject("rawDriver");
    double wRatio = api.getDouble("perSecond") / Math.max(0.001, raw.getDouble("perSecond"));
    row(sb, "write path: obligation updates per second on one project at concurrency " + w.getInteger("concurrency")
            + ", p50 / p99 ms (errors); both clients in the generator's JVM",
        fmt(api.getDouble("perSecond")) + ", " + fmt(api.getDouble("p50ms")) + " / " + fmt(api.getDouble("p99ms")) + " (" + api.getLong("errors") + ")",
        fmt(raw.getDouble("perSecond")) + ", " + fmt(raw.getDouble("p50ms")) + " / " + fmt(raw.getDouble("p99ms")) + " (" + raw.getLong("errors")
            + ") raw driver", "× " + fmt(wRatio), "≥ 0.85 × raw driver", wRatio >= 0.85);
  }

  /** One row per rate: sustained, p50 / p99, refused and errors; the hot project's 400/s is the target. */
  private static void rates(StringBuilder sb, String what, JsonObject x, boolean target) {
    for (var s : x.getJsonArray("steps")) {
      var step = (JsonObject) s;
      int rate = step.getInteger("rate");
      boolean judged = target && rate == 400;
      boolean met = step.getDouble("sustained") >= 0.95 * rate && step.getDouble("p99ms") <= 100
          && step.getLong("errors") == 0 && step.getLong("refused") == 0;
      row(sb, what + ", offered " + rate + " writes/s: sustained, p50 / p99 ms (refused, errors)",
          fmt(step.getDouble("sustained")) + ", " + fmt(step.getDouble("p50ms")) + " / " + fmt(step.getDouble("p99ms"))
              + " (" + step.getLong("refused") + ", " + step.getLong("errors") + ")", "", "",
          judged ? "≥ 400/s, p99 ≤ 100 ms" : "", judged ? Boolean.valueOf(met) : null);
    }
  }

  /** The two-node row: through nginx against one node, the cross-node hop, and rising rates with each process's CPU. */
  private static void cluster(StringBuilder sb, JsonObject c) {
    var one = c.getJsonObject("oneNode");
    var two = c.getJsonObject("twoNodes");
    var hop = c.getJsonObject("hop");
    String load = c.getInteger("clients") + " clients, " + c.getInteger("rate") + " writes/s";
    double ratio = two.getDouble("p99ms") / Math.max(0.001, one.getDouble("p99ms"));
    row(sb, "two nodes through nginx vs one node (same Neo4j server process), intended send to screen p50 / p99 (ms), lost: " + load,
        fmt(two.getDouble("p50ms")) + " / " + fmt(two.getDouble("p99ms")) + ", " + two.getLong("lost"),
        fmt(one.getDouble("p50ms")) + " / " + fmt(one.getDouble("p99ms")) + ", " + one.getLong("lost") + " (one node)",
        "p99 × " + fmt(ratio), "nothing lost", two.getLong("lost") == 0 && one.getLong("lost") == 0 && two.getLong("expected") > 0);
    row(sb, "… writes answered p50 / p99 (ms); gaps / duplicates / errors",
        fmt(two.getDouble("writeAnsweredP50ms")) + " / " + fmt(two.getDouble("writeAnsweredP99ms")) + "; "
            + two.getLong("gaps") + " / " + two.getLong("duplicates") + " / " + two.getLong("errors"),
        fmt(one.getDouble("writeAnsweredP50ms")) + " / " + fmt(one.getDouble("writeAnsweredP99ms")) + "; "
            + one.getLong("gaps") + " / " + one.getLong("duplicates") + " / " + one.getLong("errors"), "", "", null);
    var ports = hop.getJsonArray("byPort");
    var local = ports.getJsonObject(0);
    var remote = ports.getJsonObject(1);
    row(sb, "cross-node hop: writes through node A, sockets half on A, half on B; intended send to screen p50 / p99 (ms), B vs A",
        fmt(remote.getDouble("p50ms")) + " / " + fmt(remote.getDouble("p99ms")) + " (B)",
        fmt(local.getDouble("p50ms")) + " / " + fmt(local.getDouble("p99ms")) + " (A)",
        "B − A: " + signed(remote.getDouble("p50ms") - local.getDouble("p50ms")) + " / " + signed(remote.getDouble("p99ms") - local.getDouble("p99ms")),
        "", null);
    row(sb, "… the same changes, each receipt after node A's first receipt of it, p50 / p99 (ms): what the hop adds, B vs A",
        fmt(remote.getDouble("afterFirstP50ms")) + " / " + fmt(remote.getDouble("afterFirstP99ms")) + " (B)",
        fmt(local.getDouble("afterFirstP50ms")) + " / " + fmt(local.getDouble("afterFirstP99ms")) + " (A)",
        "B − A: " + signed(remote.getDouble("afterFirstP50ms") - local.getDouble("afterFirstP50ms")) + " / "
            + signed(remote.getDouble("afterFirstP99ms") - local.getDouble("afterFirstP99ms")), "", null);
    for (var s : c.getJsonArray("steps")) {
      var step = (JsonObject) s;
      var cpu = step.getJsonObject("cpuPercentOfOneCore");
      var shares = new StringBuilder();
      cpu.forEach(e -> shares.append(shares.length() == 0 ? "" : ", ").append(e.getKey()).append(' ').append(String.format("%.0f%%", (Double) e.getValue())));
      row(sb, "two nodes through nginx, offered " + step.getInteger("rate") + " writes/s: to screen p50 / p99, writes answered p99 (ms), lost; CPU of one core per process; machine busy",
          fmt(step.getDouble("p50ms")) + " / " + fmt(step.getDouble("p99ms")) + ", " + fmt(step.getDouble("writeAnsweredP99ms")) + ", "
              + step.getLong("lost") + "; " + shares + "; " + String.format("%.0f%%", step.getDouble("machineBusyPercent")),
          "", "", "", null);
    }
  }

  private static void gc(StringBuilder sb, JsonObject r) {
    var parts = new StringBuilder();
    for (var name : new String[] {"fanout", "fanout1000", "writes", "hot", "many", "reads"}) {
      var section = r.getJsonObject(name);
      var g = section == null ? null : section.getJsonObject("gc");
      if (g == null) continue;
      if (parts.length() > 0) parts.append("; ");
      parts.append(name).append(' ').append(g.getLong("pauses")).append(" / ").append(g.getLong("totalMs")).append(" / ").append(g.getLong("maxMs"));
    }
    if (parts.length() > 0) row(sb, "server GC pauses per section: count / total ms / longest ms", parts.toString(), "", "", "", null);
  }

  /** Each read at each size, with its target, and how its p99 grew from the smallest size to the largest. */
  private static void reads(StringBuilder sb, JsonObject reads) {
    var sizes = reads.getJsonArray("sizes");
    if (sizes != null && !sizes.isEmpty()) {
      for (var name : new String[] {"kpis", "kpisAfterChange", "battleMap", "battleMapAfterChange", "projectList", "projectListAfterChange",
          "bottlenecks", "bottlenecksAfterChange", "bottlenecksTop", "bottlenecksTopAfterChange", "obligationsByProject", "obligationsByDepartment"}) {
        if (sizes.getJsonObject(0).getJsonObject(name) == null) continue;
        // the whole list (every project, megabytes at the largest size) is measured for the record: no screen asks it on a change
        boolean targeted = !name.startsWith("projectList");
        double target = name.startsWith("kpis") ? 30 : name.startsWith("obligations") ? 20 : 50;
        var figures = new StringBuilder();
        boolean met = true;
        for (var s : sizes) {
          var size = (JsonObject) s;
          var x = size.getJsonObject(name);
          if (figures.length() > 0) figures.append("; ");
          figures.append(String.format("%,d / %,d: ", size.getInteger("projects"), size.getInteger("obligations")))
              .append(fmt(x.getDouble("p50ms"))).append(" / ").append(fmt(x.getDouble("p99ms")));
          met &= x.getDouble("p99ms") <= target;
        }
        double first = sizes.getJsonObject(0).getJsonObject(name).getDouble("p99ms");
        double last = sizes.getJsonObject(sizes.size() - 1).getJsonObject(name).getDouble("p99ms");
        double growth = last / Math.max(0.001, first);
        met &= sizes.size() < 2 || growth <= 1.5;
        row(sb, "GET " + switch (name) {
              case "projectList" -> "/api/projects (every project) between changes";
              case "projectListAfterChange" -> "/api/projects (every project) right after a change";
              case "kpis" -> "/api/kpis between changes";
              case "kpisAfterChange" -> "/api/kpis right after a change";
              case "battleMap" -> "/api/battle-map?limit=100 (the battle map's list) between changes";
              case "battleMapAfterChange" -> "/api/battle-map?limit=100 right after a change";
              case "bottlenecks" -> "/api/bottlenecks (the first 100 departments, its default) between changes";
              case "bottlenecksAfterChange" -> "/api/bottlenecks (the first 100) right after a change";
              case "bottlenecksTop" -> "/api/bottlenecks?limit=10 (the battle map's) between changes";
              case "bottlenecksTopAfterChange" -> "/api/bottlenecks?limit=10 right after a change";
              case "obligationsByProject" -> "/api/obligations?project=";
              default -> "/api/obligations?department="; } + ", per size (projects / obligations): p50 / p99 (ms)",
            figures.toString(), "", "p99 × " + fmt(growth) + " largest / smallest",
            targeted ? "p99 ≤ " + fmt(target) + " ms, growth ≤ 1.5" : "", targeted ? Boolean.valueOf(met) : null);
      }
    }
    for (var name : new String[] {"schedule", "schedule500"}) {
      var x = reads.getJsonObject(name);
      if (x == null) continue;
      row(sb, "GET " + (name.equals("schedule500") ? "/api/projects/{id}/schedule, a project of 500 obligations,"
              : "/api/projects/{id}/schedule (50 obligations)") + " at the smallest size, p50 / p99 (ms)",
          fmt(x.getDouble("p50ms")) + " / " + fmt(x.getDouble("p99ms")), "", "",
          name.equals("schedule500") ? "p50 < 100 ms" : "", name.equals("schedule500") ? Boolean.valueOf(x.getDouble("p50ms") < 100) : null);
    }
    var now = sizes == null || sizes.isEmpty() ? null : sizes.getJsonObject(0).getJsonObject("kpisAfterChange");
    for (var name : new String[] {"kpisAsOfMinute", "kpisAsOfStart"}) {
      var x = reads.getJsonObject(name);
      if (x == null || now == null) continue;
      row(sb, "GET /api/kpis?asOf= " + (name.equals("kpisAsOfMinute") ? "a minute back" : "back to the run's start") + " ("
              + x.getLong("changesSince") + " changes undone), p50 / p99 (ms)",
          fmt(x.getDouble("p50ms")) + " / " + fmt(x.getDouble("p99ms")), fmt(now.getDouble("p50ms")) + " (now, after a change)",
          fmt(x.getDouble("p50ms") / now.getDouble("p50ms")) + " ×", "", null);
    }
  }

  private static void memory(StringBuilder sb, JsonObject m) {
    var ml = m.getJsonObject("liandong");
    var mb = m.getJsonObject("baseline");
    // the heap delta is what a socket costs; the RSS delta also carries whatever the JVM committed meanwhile
    long perSocket = ml.getLong("heapPerSocketBytes");
    row(sb, "memory per idle authenticated WebSocket, " + ml.getLong("sockets") + " sockets: heap delta / RSS delta (KB)",
        kb(ml.getLong("heapPerSocketBytes")) + " / " + kb(ml.getLong("rssPerSocketBytes")),
        kb(mb.getLong("heapPerSocketBytes")) + " / " + kb(mb.getLong("rssPerSocketBytes")), "", "heap ≤ 50 KB", perSocket <= 50 * 1024);
  }

  private static void row(StringBuilder sb, String what, String ours, String base, String ratio, String target, Boolean met) {
    sb.append("| ").append(what).append(" | ").append(ours).append(" | ").append(base).append(" | ").append(ratio)
        .append(" | ").append(target).append(" | ").append(met == null ? "" : met ? "yes" : "no").append(" |\n");
  }

  private static String fmt(Double v) {
    return v == null ? "—" : v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "−") + fmt(Math.abs(v));
  }

  private static String kb(Long bytes) {
    return bytes == null ? "—" : String.format("%.1f", bytes / 1024.0);
  }
}

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
    if (reads != null) reads(sb, reads);
    if (m != null) memory(sb, m);
    sb.append("\nMachine: ").append(r.getJsonObject("machine").encode()).append(" · run at ").append(r.getString("at"))
        .append(" · ").append(r.getLong("seconds")).append(" s\n");
    return sb.toString();
  }

  private static void fanout(StringBuilder sb, JsonObject f, JsonObject b, JsonObject f1) {
    double p99Ratio = f.getDouble("p99ms") / Math.max(0.001, b.getDouble("p99ms"));
    row(sb, "fan-out p50 / p99 / p99.9 / max (ms), " + f.getInteger("clients") + " clients, " + f.getInteger("channels")
            + " channels, " + f.getInteger("rate") + " writes/s",
        fmt(f.getDouble("p50ms")) + " / " + fmt(f.getDouble("p99ms")) + " / " + fmt(f.getDouble("p999ms")) + " / " + fmt(f.getDouble("maxMs")),
        fmt(b.getDouble("p50ms")) + " / " + fmt(b.getDouble("p99ms")) + " / " + fmt(b.getDouble("p999ms")) + " / " + fmt(b.getDouble("maxMs")),
        "p99 × " + fmt(p99Ratio), "p99 ≤ 1.5 × baseline", p99Ratio <= 1.5);
    double dRatio = f.getDouble("deliveriesPerSecond") / Math.max(0.001, b.getDouble("deliveriesPerSecond"));
    row(sb, "deliveries per second (delivered / expected)",
        fmt(f.getDouble("deliveriesPerSecond")) + " (" + f.getLong("delivered") + " / " + f.getLong("expected") + ")",
        fmt(b.getDouble("deliveriesPerSecond")) + " (" + b.getLong("delivered") + " / " + b.getLong("expected") + ")",
        "× " + fmt(dRatio), "≥ 0.8 × baseline", dRatio >= 0.8);
    row(sb, "writes answered, from intended send time, p50 / p99 (ms)",
        fmt(f.getDouble("writeAnsweredP50ms")) + " / " + fmt(f.getDouble("writeAnsweredP99ms")),
        fmt(b.getDouble("writeAnsweredP50ms")) + " / " + fmt(b.getDouble("writeAnsweredP99ms")), "", "", null);
    row(sb, "gaps / errors", f.getLong("gaps") + " / " + f.getLong("errors"), b.getLong("gaps") + " / " + b.getLong("errors"), "", "0 / 0",
        f.getLong("gaps") == 0 && f.getLong("errors") == 0);
    row(sb, "commit-to-screen p99 (ms), " + f1.getInteger("clients") + " clients, " + f1.getInteger("rate") + " writes/s",
        fmt(f1.getDouble("p99ms")), "", "", "≤ 100 ms", f1.getDouble("p99ms") <= 100);
  }

  private static void writes(StringBuilder sb, JsonObject w) {
    var api = w.getJsonObject("api");
    var raw = w.getJsonObject("rawDriver");
    double wRatio = api.getDouble("perSecond") / Math.max(0.001, raw.getDouble("perSecond"));
    row(sb, "obligation updates per second at concurrency " + w.getInteger("concurrency") + " (p99 ms)",
        fmt(api.getDouble("perSecond")) + " (" + fmt(api.getDouble("p99ms")) + ")",
        fmt(raw.getDouble("perSecond")) + " (" + fmt(raw.getDouble("p99ms")) + ") raw driver", "× " + fmt(wRatio), "≥ 0.8 × raw driver", wRatio >= 0.8);
  }

  private static void reads(StringBuilder sb, JsonObject reads) {
    for (var name : new String[] {"kpis", "kpisAfterChange", "battleMap", "schedule", "schedule500"}) {
      var x = reads.getJsonObject(name);
      row(sb, "GET " + switch (name) { case "kpis" -> "/api/kpis (repeated, between changes)";
            case "kpisAfterChange" -> "/api/kpis right after a change (computed afresh)";
            case "battleMap" -> "/api/projects (battle map)";
            case "schedule500" -> "/api/projects/{id}/schedule, a project of 500 obligations,";
            default -> "/api/projects/{id}/schedule (50 obligations)"; } + " on the large graph, p50 / p99 (ms)",
          fmt(x.getDouble("p50ms")) + " / " + fmt(x.getDouble("p99ms")), "", "",
          name.equals("kpis") ? "p99 ≤ 50 ms" : name.equals("schedule500") ? "p50 < 100 ms" : "",
          name.equals("kpis") ? Boolean.valueOf(x.getDouble("p99ms") <= 50)
              : name.equals("schedule500") ? Boolean.valueOf(x.getDouble("p50ms") < 100) : null);
    }
    var now = reads.getJsonObject("kpisAfterChange");
    for (var name : new String[] {"kpisAsOfMinute", "kpisAsOfStart"}) {
      var x = reads.getJsonObject(name);
      if (x == null) continue;
      row(sb, "GET /api/kpis?asOf= " + (name.equals("kpisAsOfMinute") ? "a minute back" : "back to the run's start") + " ("
              + x.getLong("changesSince") + " changes undone), p50 / p99 (ms)",
          fmt(x.getDouble("p50ms")) + " / " + fmt(x.getDouble("p99ms")), fmt(now.getDouble("p50ms")) + " (now, after a change)",
          fmt(x.getDouble("p50ms") / now.getDouble("p50ms")) + " ×", "", null);
    }
  }

  private static void memory(StringBuilder sb, JsonObject m) {
    var ml = m.getJsonObject("liandong");
    var mb = m.getJsonObject("baseline");
    long perSocket = ml.getLong("rssPerSocketBytes");
    row(sb, "memory per idle authenticated WebSocket, " + ml.getLong("sockets") + " sockets: RSS / heap (KB)",
        kb(ml.getLong("rssPerSocketBytes")) + " / " + kb(ml.getLong("heapPerSocketBytes")),
        kb(mb.getLong("rssPerSocketBytes")) + " / " + kb(mb.getLong("heapPerSocketBytes")), "", "≤ 50 KB", perSocket <= 50 * 1024);
  }

  private static void row(StringBuilder sb, String what, String ours, String base, String ratio, String target, Boolean met) {
    sb.append("| ").append(what).append(" | ").append(ours).append(" | ").append(base).append(" | ").append(ratio)
        .append(" | ").append(target).append(" | ").append(met == null ? "" : met ? "yes" : "no").append(" |\n");
  }

  private static String fmt(Double v) {
    return v == null ? "—" : v >= 100 ? String.format("%.0f", v) : String.format("%.1f", v);
  }

  private static String kb(Long bytes) {
    return bytes == null ? "—" : String.format("%.1f", bytes / 1024.0);
  }
}

package org.liandong.meetings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.liandong.domain.MeetingStatus;
import org.liandong.support.Catalogue;

/**
 * The minutes (会议纪要) as a printable page: in Chinese with English beside each heading, times
 * in LIANDONG_TIMEZONE, statuses by their Chinese names, people by their names.
 */
final class MinutesPage {
  private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private MinutesPage() {}

  static String time(String instant, java.time.ZoneId zone) {
    if (instant == null) return "";
    return java.time.OffsetDateTime.parse(instant).atZoneSameInstant(zone).format(TIME);
  }

  static String render(JsonObject minutes, java.time.ZoneId zone) {
    var m = minutes.getJsonObject("meeting");
    var html = new StringBuilder("""
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #111; }
          h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.5em; border-bottom: 1px solid #999; }
          table { border-collapse: collapse; width: 100%; } td, th { border: 1px solid #999; padding: .3em .5em; text-align: left; }
          .en { color: #666; font-weight: normal; font-size: .85em; }
          @media print { body { margin: 1cm; } }
        </style></head><body>
        """.replace("{title}", both("minutes.title")));
    html.append("<h1>").append(esc(m.getString("title"))).append(" <span class=\"en\">Minutes</span></h1>");
    html.append("<p>").append(heading("minutes.time")).append(": ").append(esc(time(m.getString("startsAt"), zone)))
        .append(" (").append(esc(zone.getId())).append(")")
        .append(" · ").append(heading("minutes.place")).append(": ").append(esc(m.getString("location")))
        .append(" · ").append(heading("minutes.status")).append(": ").append(esc(MeetingStatus.valueOf(m.getString("status")).zh))
        .append(minutes.getBoolean("final") ? "" : " (" + both("minutes.notClosed") + ")").append("</p>");
    attendanceAndAgenda(html, minutes);
    decisions(html, minutes, zone);
    return html.append("</body></html>").toString();
  }

  private static void attendanceAndAgenda(StringBuilder html, JsonObject minutes) {
    html.append("<h2>" + heading("minutes.attendance") + "</h2><ul>");
    for (var p : minutes.getJsonArray("attendance")) {
      var person = (JsonObject) p;
      html.append("<li>").append(esc(person.getString("displayName"))).append(" — ")
          .append(esc(person.getString("departmentName"))).append("</li>");
    }
    html.append("</ul>");

    html.append("<h2>" + heading("minutes.agenda") + "</h2><ol>");
    for (var a : minutes.getJsonArray("agenda")) html.append("<li>").append(esc(((JsonObject) a).getString("title"))).append("</li>");
    html.append("</ol>");
  }

  private static void decisions(StringBuilder html, JsonObject minutes, java.time.ZoneId zone) {
    html.append("<h2>" + heading("minutes.decisions") + "</h2>");
    for (var d : minutes.getJsonArray("decisions")) {
      var decision = (JsonObject) d;
      var by = decision.getString("byName") != null ? decision.getString("byName") : decision.getString("by");
      html.append("<p><strong>").append(esc(decision.getString("text"))).append("</strong> <span class=\"en\">")
          .append(esc(by)).append(", ").append(esc(time(decision.getString("at"), zone))).append("</span></p>");
      obligations(html, decision.getJsonArray("obligations"));
    }
  }

  private static void obligations(StringBuilder html, JsonArray obligations) {
    if (obligations == null || obligations.isEmpty()) return;
    html.append("<table><tr><th>" + heading("minutes.obligation") + "</th><th>" + heading("minutes.department") + "</th>")
        .append("<th>" + heading("minutes.due") + "</th><th>" + heading("minutes.status") + "</th></tr>");
    for (var o : obligations) {
      var ob = (JsonObject) o;
      html.append("<tr><td>").append(esc(ob.getString("title"))).append("</td><td>").append(esc(ob.getString("departmentName")))
          .append("</td><td>").append(esc(ob.getString("dueOn"))).append("</td><td>")
          .append(esc(org.liandong.domain.Status.valueOf(ob.getString("status")).zh))
          .append("</td></tr>");
    }
    html.append("</table>");
  }

  private static String esc(String s) {
    if (s == null) return "";
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }

  /** A heading in Chinese with the English beside it, small (both from the catalogue). */
  private static String heading(String key) {
    return esc(Catalogue.zh(key)) + " <span class=\"en\">" + esc(Catalogue.en(key)) + "</span>";
  }

  private static String both(String key) {
    return esc(Catalogue.zh(key)) + " " + esc(Catalogue.en(key));
  }
}

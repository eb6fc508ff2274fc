package org.liandong.reach;

import java.net.URI;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.liandong.domain.NoticeKind;
import org.liandong.support.Catalogue;
import org.liandong.support.Text;

/**
 * What a delivery says, in its person's language (zh-CN unless they chose English), times in the
 * server's time zone: an e-mail's subject, plain text and HTML, or a text message of one segment.
 */
final class Message {
  /** One SMS segment in Chinese (UCS-2): 70 characters. */
  static final int SEGMENT = 70;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final URI publicUrl;
  private final ZoneId zone;
  private final java.util.function.Function<Outgoing, java.util.Optional<String>> receipt;

  Message(URI publicUrl, ZoneId zone) {
    this(publicUrl, zone, d -> java.util.Optional.empty());
  }

  /** {@code receipt}: the token of a delivery whose notice asks for 签收 (its e-mail links the receipt page instead). */
  Message(URI publicUrl, ZoneId zone, java.util.function.Function<Outgoing, java.util.Optional<String>> receipt) {
    this.publicUrl = publicUrl;
    this.zone = zone;
    this.receipt = receipt;
  }

  /** Where the notice opens: its receipt page (签收, no login needed), its meeting, its project, or the notices. */
  String link(Outgoing d) {
    if (test(d)) return publicUrl + "/#/me";
    if (digest(d)) return publicUrl + "/#/inbox";
    var token = receipt.apply(d);
    if (token.isPresent()) return publicUrl + "/#/receipt/" + token.get();
    if (d.text("meetingId") != null) return publicUrl + "/#/meeting/" + d.text("meetingId");
    if (d.text("projectId") != null) return publicUrl + "/#/project/" + d.text("projectId");
    return publicUrl + "/#/notices";
  }

  String subject(Outgoing d) {
    if (digest(d)) return pick(d, Catalogue.text("reach.digest.subject", "day", d.text("day"), "due", count(d, 0), "overdue", count(d, 1),
        "answer", count(d, 2)));
    return pick(d, Catalogue.text("reach.mail.subject", "kind", kind(d), "subject", subjectOf(d)));
  }

  /** The lines of the body: greeting, what it is, its facts, the link, who sent it. */
  List<String> lines(Outgoing d) {
    var lines = new ArrayList<String>();
    lines.add(pick(d, Catalogue.text("reach.mail.greeting", "name", d.name())));
    if (digest(d)) return digest(d, lines);
    lines.add(pick(d, Catalogue.text("reach.mail.about", "kind", kind(d), "subject", subjectOf(d))));
    fact(lines, d, "projectName", "reach.mail.project");
    fact(lines, d, "departmentName", "reach.mail.department");
    fact(lines, d, "dueOn", "reach.mail.dueOn");
    fact(lines, d, "respondBy", "reach.mail.respondBy");
    fact(lines, d, "requestedDueOn", "reach.mail.requestedDueOn");
    if (d.text("startsAt") != null) lines.add(pick(d, Catalogue.text("reach.mail.startsAt", "time", time(d.text("startsAt")))));
    fact(lines, d, "reason", "reach.mail.reason");
    lines.add(pick(d, Catalogue.text("reach.mail.sentAt", "time", time(d.text("at")), "zone", zone.getId())));
    return lines;
  }

  /** An e-mail's three parts, with one link in both bodies (a receipt link is signed once per mail). */
  record Mail(String subject, String plain, String html) {}

  Mail mail(Outgoing d) {
    var link = link(d);
    return new Mail(subject(d), plain(d, link), html(d, link));
  }

  private String plain(Outgoing d, String link) {
    return String.join("\n", lines(d)) + "\n\n" + pick(d, Catalogue.text(label(link))) + " " + link + "\n\n--\n" + footer(d) + "\n";
  }

  /** What the link asks: to acknowledge (签收) the notice on its receipt page, or to open it in the app. */
  private static String label(String link) {
    return link.contains("/#/receipt/") ? "reach.mail.acknowledge" : "reach.mail.open";
  }

  private String html(Outgoing d, String link) {
    var body = new StringBuilder("<!doctype html><html lang=\"").append(d.english() ? "en" : "zh-CN").append("\"><body>");
    for (var line : lines(d)) body.append("<p>").append(escape(line)).append("</p>");
    body.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(pick(d, Catalogue.text(label(link)))))
        .append("</a></p><hr><p style=\"color:#555;font-size:12px\">").append(escape(footer(d))).append("</p></body></html>");
    return body.toString();
  }

  /**
   * A text message of one segment: the kind, the subject shortened to fit, and the link to the
   * person's notices (short enough to leave room for words; the e-mail links the object itself).
   */
  String sms(Outgoing d) {
    var link = publicUrl + "/#/notices";
    var subject = subjectOf(d);
    var text = pick(d, Catalogue.text("reach.sms.text", "kind", kind(d), "subject", subject, "link", link));
    int over = text.length() - SEGMENT;
    if (over > 0 && subject.length() > over + 1) {
      text = pick(d, Catalogue.text("reach.sms.text", "kind", kind(d), "subject", subject.substring(0, subject.length() - over - 1) + "…", "link", link));
    }
    return text;
  }

  /** A group robot's message: a title and Markdown lines (the facts, the link), in Chinese. */
  String title(Outgoing d) {
    return pick(d, Catalogue.text("reach.robot.title", "kind", kind(d), "subject", subjectOf(d)));
  }

  String markdown(Outgoing d) {
    var lines = lines(d);
    var facts = lines.subList(1, lines.size());
    var out = new StringBuilder("### ").append(title(d)).append("\n\n");
    for (var line : facts) out.append("- ").append(line).append("\n");
    return out.append("\n[").append(pick(d, Catalogue.text("reach.mail.open"))).append("](").append(link(d)).append(")").toString();
  }

  private String footer(Outgoing d) {
    return pick(d, Catalogue.text("reach.mail.footer", "id", d.id()));
  }

  private String subjectOf(Outgoing d) {
    if (test(d)) return pick(d, Catalogue.text("reach.test.subject"));
    var subject = d.text("subject");
    return subject == null ? "" : subject;
  }

  /**
   * The daily digest's body: each part that has lines (due soon, overdue, waiting for my answer,
   * the notices told) under its heading with its count, and how many more than the 50 shown.
   */
  private List<String> digest(Outgoing d, List<String> lines) {
    lines.add(pick(d, Catalogue.text("reach.digest.about", "day", d.text("day"))));
    var parts = List.of("due", "overdue", "answer", "told");
    for (int i = 0; i < parts.size(); i++) {
      @SuppressWarnings("unchecked")
      var items = (List<String>) d.notice().getOrDefault(parts.get(i), List.of());
      if (items.isEmpty()) continue;
      lines.add(pick(d, Catalogue.text("reach.digest." + parts.get(i), "n", count(d, i))));
      for (var item : items) lines.add("· " + ("told".equals(parts.get(i)) ? told(d, item) : item));
      long more = count(d, i) - items.size();
      if (more > 0) lines.add(pick(d, Catalogue.text("reach.digest.more", "n", more)));
    }
    lines.add(pick(d, Catalogue.text("reach.mail.sentAt", "time", time(d.text("at")), "zone", zone.getId())));
    return lines;
  }

  /** A notice told in the digest: its kind's name and its subject. */
  private static String told(Outgoing d, String kindAndSubject) {
    var cut = kindAndSubject.indexOf('|');
    var kind = NoticeKind.valueOf(kindAndSubject.substring(0, cut));
    return (d.english() ? kind.en : kind.zh) + ": " + kindAndSubject.substring(cut + 1);
  }

  private static long count(Outgoing d, int part) {
    return ((List<?>) d.notice().get("counts")).get(part) instanceof Number n ? n.longValue() : 0;
  }

  private static boolean digest(Outgoing d) {
    return "digest".equals(d.text("kind"));
  }

  /** A test message a person sent themselves (我的设置): no notice behind it. */
  private static boolean test(Outgoing d) {
    return "test".equals(d.text("kind"));
  }

  private String kind(Outgoing d) {
    if (test(d)) return pick(d, Catalogue.text("reach.test.kind"));
    var kind = NoticeKind.valueOf(d.text("kind"));
    return d.english() ? kind.en : kind.zh;
  }

  private static void fact(List<String> lines, Outgoing d, String field, String key) {
    var value = d.text(field);
    if (value != null) lines.add(pick(d, Catalogue.text(key, "value", value)));
  }

  private String time(String iso) {
    return iso == null ? "" : ZonedDateTime.parse(iso).withZoneSameInstant(zone).format(TIME);
  }

  private static String pick(Outgoing d, Text text) {
    return d.english() ? text.en() : text.zh();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}

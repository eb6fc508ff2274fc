package org.liandong.reach;

import java.util.Map;
import org.liandong.domain.NoticeKind;
import org.liandong.domain.QuietHours;

/**
 * One delivery claimed for sending: its id, channel and attempts so far, the notice it carries,
 * and the person it goes to (their address read now: a corrected address is used from the next
 * try) or the department's group robot (null for the other).
 */
record Outgoing(String id, String channel, String kind, long attempts, Map<String, Object> notice, Map<String, Object> person,
                Map<String, Object> robot) {
  /**
   * When it may go: now (an e-mail, a group robot's message, an escalation, a test message from
   * 我的设置), or for any other text message the end of its person's quiet hours (QuietHours).
   */
  java.time.ZonedDateTime dueAt(java.time.ZonedDateTime now) {
    if (!"sms".equals(channel) || person == null || !NoticeKind.names().contains(kind) || NoticeKind.valueOf(kind).push == NoticeKind.Push.URGENT) {
      return now;
    }
    return QuietHours.of((String) person.get("quietFrom"), (String) person.get("quietUntil")).smsAt(now);
  }

  String address() {
    if (robot != null) return (String) robot.get("url");
    if (person == null) return null;
    return (String) person.get("email".equals(channel) ? "email" : "mobile");
  }

  /** Whether it may go: a robot always, a person while active. */
  boolean reachable() {
    return address() != null && (robot != null || Boolean.TRUE.equals(person.get("active")));
  }

  /** A person who chose English; a group robot speaks Chinese. */
  boolean english() {
    return person != null && "en".equals(person.get("language"));
  }

  String name() {
    return (String) (robot != null ? robot.get("departmentName") : person.get("displayName"));
  }

  String text(String field) {
    var value = notice.get(field);
    return value == null ? null : value.toString();
  }
}

package org.liandong.reach;

import java.util.Map;

/**
 * One delivery claimed for sending: its id, channel and attempts so far, the notice it carries,
 * and the person it goes to (their address read now: a corrected address is used from the next
 * try) or the department's group robot (null for the other).
 */
record Outgoing(String id, String channel, long attempts, Map<String, Object> notice, Map<String, Object> person,
                Map<String, Object> robot) {
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

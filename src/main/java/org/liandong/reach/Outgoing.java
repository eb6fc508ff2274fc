package org.liandong.reach;

import java.util.Map;

/**
 * One delivery claimed for sending: its id, channel and attempts so far, the notice it carries and
 * the person it goes to (their address read now: a corrected address is used from the next try).
 */
record Outgoing(String id, String channel, long attempts, Map<String, Object> notice, Map<String, Object> person) {
  String address() {
    var field = "email".equals(channel) ? "email" : "mobile";
    return (String) person.get(field);
  }

  boolean english() {
    return "en".equals(person.get("language"));
  }

  String text(String field) {
    var value = notice.get(field);
    return value == null ? null : value.toString();
  }
}

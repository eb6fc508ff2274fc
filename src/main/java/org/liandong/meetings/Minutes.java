package org.liandong.meetings;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The minutes (会议纪要) of a meeting as JSON: what was decided, what that created, who was there. */
final class Minutes {
  private Minutes() {}

  static JsonObject of(JsonObject meeting, JsonArray attendance) {
    var created = new JsonArray();
    meeting.getJsonArray("decisionList").forEach(d -> ((JsonObject) d).getJsonArray("obligations").forEach(created::add));
    var departments = new JsonArray(attendance.stream().map(p -> ((JsonObject) p).getString("departmentName"))
        .filter(java.util.Objects::nonNull).distinct().toList());
    var alone = meeting.copy();
    alone.remove("agenda");
    alone.remove("decisionList");
    return new JsonObject()
        .put("meeting", alone)
        .put("agenda", meeting.getJsonArray("agenda"))
        .put("decisions", meeting.getJsonArray("decisionList"))
        .put("obligationsCreated", created)
        .put("attendance", attendance)
        .put("departmentsPresent", departments)
        .put("final", "closed".equals(meeting.getString("status")));
  }
}

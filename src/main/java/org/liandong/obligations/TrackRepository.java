package org.liandong.obligations;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Entry;
import org.liandong.storage.Work;

/** A project's steps as a whole: read by title (a template adds what is missing), locked and re-dated (倒排序时). */
final class TrackRepository {
  /** The project's steps on the three tracks, by title (a template adds only those it lacks). */
  Work<Map<String, String>> tracked(String projectId) {
    return tx -> tx.list(ObligationCypher.TRACKED, Map.of("projectId", projectId)).map(rows -> {
      var out = new HashMap<String, String>();
      rows.forEach(r -> out.putIfAbsent(r.get("title").asString(), r.get("id").asString()));
      return out;
    });
  }

  /** Every obligation of the project, write-locked until the transaction ends (nobody changes one under a re-plan). */
  Work<Void> lockProject(String projectId) {
    return tx -> tx.run(ObligationCypher.LOCK_PROJECT, Map.of("projectId", projectId)).mapEmpty();
  }

  /**
   * 倒排序时 applied: the new due dates, each obligation's version moved, each change in the
   * history with the target start it was planned back from ({@code replannedFor}).
   */
  Work<Void> redate(String actor, String projectId, Map<String, LocalDate> dueOn, LocalDate targetStart) {
    var rows = dueOn.entrySet().stream().map(e -> Map.<String, Object>of("id", e.getKey(), "dueOn", e.getValue())).toList();
    return tx -> tx.list(ObligationCypher.REDATE, Map.of("rows", rows)).map(records -> {
      for (var r : records) {
        var departmentId = r.get("departmentId").asString();
        var after = new HashMap<>(r.get("after").asMap());
        after.put("departmentId", departmentId);
        after.put("replannedFor", targetStart.toString());
        tx.record(new Entry(actor, "obligation.replanned", "Obligation", r.get("id").asString(), projectId, r.get("before").asMap(),
            after, List.of("project:" + projectId, "department:" + departmentId)));
      }
      return null;
    });
  }

}

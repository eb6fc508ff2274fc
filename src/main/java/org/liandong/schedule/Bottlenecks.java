package org.liandong.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.liandong.support.EncodedArray;

/**
 * The bottleneck ranking kept up to date plan by plan: each project's late critical work
 * ({@link ScheduleService.Planned#late()}) is counted once, and when a project's plan changes (or
 * the project goes) only its part is taken away and the new one added. Ranking then costs the
 * departments', not the graph's. For one caller at a time (the service runs it serially).
 */
final class Bottlenecks {
  /** Most urgent first: late before nearly late, then the least float, then by id. */
  private static final Comparator<ScheduleService.Late> URGENT = Comparator
      .comparing((ScheduleService.Late l) -> l.red() ? 0 : 1)
      .thenComparing(l -> l.obligation().getInteger("totalFloat", 0))
      .thenComparing(l -> l.obligation().getString("id"));

  private static final class Department {
    /** Replaced whenever the department's part changes: its item in the answer is encoded again. */
    Object state = new Object();
    String name;
    int late;
    int nearlyLate;
    final TreeSet<ScheduleService.Late> obligations = new TreeSet<>(URGENT);
  }

  private final Map<String, ScheduleService.Planned> counted = new HashMap<>();
  private final Map<String, Department> departments = new HashMap<>();
  private final EncodedArray<String> encoded = new EncodedArray<>();

  /** Brings the ranking to these plans (every project's): only those that changed since the last call are counted again. */
  void update(Map<String, ScheduleService.Planned> plans) {
    for (var id : new ArrayList<>(counted.keySet())) {
      if (!plans.containsKey(id)) take(counted.remove(id));
    }
    updateSome(plans);
  }

  /** Counts these projects' plans again (the projects a change touched; a deleted one's plan is empty), the others as they were. */
  void updateSome(Map<String, ScheduleService.Planned> plans) {
    plans.forEach((id, plan) -> {
      var before = counted.get(id);
      if (before == plan) return;
      if (before != null) take(before);
      add(plan);
      counted.put(id, plan);
    });
  }

  /**
   * Departments by their late, then nearly late, work; each with its {@code most} most urgent
   * obligations; encoded, only the departments whose part changed again.
   */
  EncodedArray.Encoded ranking(int most) {
    var list = new ArrayList<Map.Entry<String, Department>>();
    departments.forEach((id, d) -> {
      if (d.late + d.nearlyLate > 0) list.add(Map.entry(id, d));
    });
    list.sort(Comparator.comparing((Map.Entry<String, Department> e) -> -e.getValue().late)
        .thenComparing(e -> -e.getValue().nearlyLate).thenComparing(e -> e.getValue().name).thenComparing(Map.Entry::getKey));
    encoded.begin(list.size());
    for (var e : list) {
      var d = e.getValue();
      encoded.add(e.getKey(), d, d.state, () -> {
        var obligations = new JsonArray();
        for (var late : d.obligations) {
          if (obligations.size() == most) break;
          obligations.add(late.obligation());
        }
        return new JsonObject().put("departmentId", e.getKey()).put("departmentName", d.name)
            .put("late", d.late).put("nearlyLate", d.nearlyLate).put("obligations", obligations);
      });
    }
    return encoded.end();
  }

  private void add(ScheduleService.Planned plan) {
    for (var late : plan.late()) {
      var d = departments.computeIfAbsent(late.departmentId(), k -> new Department());
      d.name = late.departmentName();
      d.state = new Object();
      if (late.red()) d.late++; else d.nearlyLate++;
      d.obligations.add(late);
    }
  }

  private void take(ScheduleService.Planned plan) {
    for (var late : plan.late()) {
      var d = departments.get(late.departmentId());
      if (d == null) continue;
      d.state = new Object();
      if (late.red()) d.late--; else d.nearlyLate--;
      d.obligations.remove(late);
      if (d.late + d.nearlyLate == 0) departments.remove(late.departmentId());
    }
  }
}

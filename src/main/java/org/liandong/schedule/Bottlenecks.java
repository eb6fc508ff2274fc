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
 * The bottleneck ranking (卡点部门) kept up to date plan by plan: each project's work that holds
 * things up ({@link ProjectPlan.Planned#late()}: late, or tight on the critical path) is counted
 * once, and when a project's plan changes (or the project goes) only its part is taken away and
 * the new one added. Ranking then costs the departments', not the graph's.
 *
 * <p>A department's score is the sum of its held steps' weights: 2 for a late step (past its due
 * date, or with negative float), 1 for a critical step with float under the warning, times the
 * projects waiting on the step plus their investment in tens of 亿元 ({@link ProjectPlan#points}).
 * Departments rank by score, then by late steps. For one caller at a time (the service runs it
 * serially).
 */
final class Bottlenecks {
  /** Most urgent first: late before tight, then the heaviest, the least float, then by id. */
  private static final Comparator<ProjectPlan.Late> URGENT = Comparator
      .comparing((ProjectPlan.Late l) -> l.red() ? 0 : 1)
      .thenComparing(l -> -l.points())
      .thenComparing(l -> l.obligation().getInteger("totalFloat", 0))
      .thenComparing(l -> l.obligation().getString("id"));

  private static final class Department {
    /** Replaced whenever the department's part changes: its item in the answer is encoded again. */
    Object state = new Object();
    String name;
    int late;
    int nearlyLate;
    long points;
    /** Each project waiting on its held work, counted once per step, with its investment. */
    final Map<String, Integer> projects = new HashMap<>();
    final Map<String, Double> investment = new HashMap<>();
    final TreeSet<ProjectPlan.Late> obligations = new TreeSet<>(URGENT);

    double investmentWaiting() {
      return investment.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }

  private final Map<String, ProjectPlan.Planned> counted = new HashMap<>();
  private final Map<String, Department> departments = new HashMap<>();
  private final EncodedArray<String> encoded = new EncodedArray<>();

  /** Brings the ranking to these plans (every project's): only those that changed since the last call are counted again. */
  void update(Map<String, ProjectPlan.Planned> plans) {
    for (var id : new ArrayList<>(counted.keySet())) {
      if (!plans.containsKey(id)) take(counted.remove(id));
    }
    updateSome(plans);
  }

  /** Counts these projects' plans again (the projects a change touched; a deleted one's plan is empty), the others as they were. */
  void updateSome(Map<String, ProjectPlan.Planned> plans) {
    plans.forEach((id, plan) -> {
      var before = counted.get(id);
      if (before == plan) return;
      if (before != null) take(before);
      add(plan);
      counted.put(id, plan);
    });
  }

  /**
   * Departments by score, then late, then tight work; each with its {@code most} most urgent
   * obligations; encoded, only the departments whose part changed again.
   */
  EncodedArray.Encoded ranking(int most) {
    var list = new ArrayList<Map.Entry<String, Department>>();
    departments.forEach((id, d) -> {
      if (d.late + d.nearlyLate > 0) list.add(Map.entry(id, d));
    });
    list.sort(Comparator.comparing((Map.Entry<String, Department> e) -> -e.getValue().points)
        .thenComparing(e -> -e.getValue().late).thenComparing(e -> -e.getValue().nearlyLate)
        .thenComparing(e -> e.getValue().name).thenComparing(Map.Entry::getKey));
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
            .put("score", d.points / 100.0).put("late", d.late).put("nearlyLate", d.nearlyLate)
            .put("projectsWaiting", d.projects.size()).put("investmentWaitingYi", Math.round(d.investmentWaiting() * 100) / 100.0)
            .put("obligations", obligations);
      });
    }
    return encoded.end();
  }

  private void add(ProjectPlan.Planned plan) {
    for (var late : plan.late()) {
      var d = departments.computeIfAbsent(late.departmentId(), k -> new Department());
      d.name = late.departmentName();
      d.state = new Object();
      if (late.red()) d.late++; else d.nearlyLate++;
      d.points += late.points();
      late.waiting().forEach((project, yi) -> {
        d.projects.merge(project, 1, Integer::sum);
        d.investment.put(project, yi);
      });
      d.obligations.add(late);
    }
  }

  private void take(ProjectPlan.Planned plan) {
    for (var late : plan.late()) {
      var d = departments.get(late.departmentId());
      if (d == null) continue;
      d.state = new Object();
      if (late.red()) d.late--; else d.nearlyLate--;
      d.points -= late.points();
      late.waiting().forEach((project, yi) -> {
        if (d.projects.merge(project, -1, Integer::sum) <= 0) {
          d.projects.remove(project);
          d.investment.remove(project);
        }
      });
      d.obligations.remove(late);
      if (d.late + d.nearlyLate == 0) departments.remove(late.departmentId());
    }
  }
}

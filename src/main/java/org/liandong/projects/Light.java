package org.liandong.projects;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One meaning of red (红黄绿灯): the one rule that decides a project's light and an obligation's
 * flag, wherever a person reads one (battle map, wall, project page, schedule table, leader view,
 * the leaders' figures). README's "One meaning of red" says it in words.
 *
 * <p>A project is <b>red</b> when any of: it is past its completion target and not producing; an
 * obligation is overdue; a 容缺 lapsed; not yet started, its projected start (倒排序时, from the
 * schedule) is more than {@link #RED_SLIP_WORKDAYS} working days after its target start. It is
 * <b>yellow</b> when, not red, any of: its projected start is after its target start by up to
 * that many working days; an open obligation is blocked or due within {@link #DUE_SOON_DAYS}
 * days. Otherwise <b>green</b>. The light comes with its reasons, so the page can say why.
 *
 * <p>An obligation's flag (the schedule table) is <b>done</b>; <b>red</b> when it can no longer
 * finish by its latest finish (not started and past its latest start, or started and past its
 * latest finish: late against the target start or its own due date); <b>yellow</b> when its float
 * is under the configured yellow float; <b>green</b> otherwise.
 */
public final class Light {
  private Light() {}

  public static final int RED_SLIP_WORKDAYS = 5;
  public static final int DUE_SOON_DAYS = 7;

  /** Cypher: obligation {@code o} is open and past its due date on {@code $today}. */
  public static final String OVERDUE = "(o.status <> 'done' AND o.dueOn < $today)";
  /** Cypher: obligation {@code o}'s 容缺 deadline passed without the documents (whether or not the sweep marked it yet). */
  public static final String LAPSED = "((o.status = 'deficient' AND o.deficiencyDueOn < $today)"
      + " OR (o.status = 'blocked' AND o.deficiencyExpiredOn IS NOT NULL))";
  /** Cypher: obligation {@code o} is open and blocked or due within {@link #DUE_SOON_DAYS} days. */
  public static final String AT_RISK = "(o.status <> 'done' AND (o.status = 'blocked' OR o.dueOn <= $today + duration({days: "
      + DUE_SOON_DAYS + "})))";

  /** Cypher: for project {@code p}, the obligation counts the light reads. */
  public static final String COUNTS = """
      CALL (p) {
        OPTIONAL MATCH (p)<-[:FOR]-(o:Obligation)
        RETURN count(o) AS obligations,
               count(CASE WHEN o.status <> 'done' THEN 1 END) AS open,
               count(CASE WHEN %s THEN 1 END) AS overdue,
               count(CASE WHEN %s THEN 1 END) AS deficiencyExpired,
               count(CASE WHEN %s THEN 1 END) AS atRisk
      }
      """.formatted(OVERDUE, LAPSED, AT_RISK);

  /** When a project not yet started is projected to start (倒排序时), and how many working days after its target. */
  public record Slip(LocalDate projectedStartOn, int workdays) {}

  /** The schedule's projected starts, per project id (every project when the list is null). */
  public interface Slips {
    Future<Map<String, Slip>> of(List<String> projectIds);
  }

  /** What the rule reads of a project. */
  public record Facts(String stage, LocalDate targetCompleteOn, long overdue, long deficiencyExpired, long atRisk,
                      Slip slip) {
    /** From a project's JSON (its stage, targetCompleteOn and the {@link #COUNTS}). */
    public static Facts of(JsonObject project, Slip slip) {
      var complete = project.getString("targetCompleteOn");
      return new Facts(project.getString("stage"), complete == null ? null : LocalDate.parse(complete),
          count(project, "overdue"), count(project, "deficiencyExpired"), count(project, "atRisk"), slip);
    }

    private static long count(JsonObject project, String key) {
      var n = project.getValue(key);
      return n instanceof Number number ? number.longValue() : 0;
    }
  }

  public record Verdict(String color, List<String> reasons) {}

  public static Verdict project(Facts f, LocalDate today) {
    var red = new ArrayList<String>();
    var yellow = new ArrayList<String>();
    var stage = f.stage() == null ? null : Stage.valueOf(f.stage());
    boolean producing = stage != null && stage.reached(Stage.producing);
    boolean started = stage != null && stage.reached(Stage.started);
    if (!producing && f.targetCompleteOn() != null && f.targetCompleteOn().isBefore(today)) red.add("pastCompletion");
    if (f.overdue() > 0) red.add("overdue");
    if (f.deficiencyExpired() > 0) red.add("deficiencyLapsed");
    if (!started && f.slip() != null && f.slip().workdays() > 0) {
      (f.slip().workdays() > RED_SLIP_WORKDAYS ? red : yellow).add("startSlip");
    }
    if (f.atRisk() > 0) yellow.add("atRisk");
    if (!red.isEmpty()) return new Verdict("red", List.copyOf(red));
    if (!yellow.isEmpty()) return new Verdict("yellow", List.copyOf(yellow));
    return new Verdict("green", List.of());
  }

  /** Puts the light, its reasons and the projected start on a project's JSON. */
  public static JsonObject onto(JsonObject project, Slip slip, LocalDate today) {
    var verdict = project(Facts.of(project, slip), today);
    return project.put("light", verdict.color()).put("lightReasons", new JsonArray(verdict.reasons()))
        .put("projectedStartOn", slip == null || slip.projectedStartOn() == null ? null : slip.projectedStartOn().toString())
        .put("slipWorkdays", slip == null ? null : slip.workdays());
  }

  /**
   * An obligation's flag, its dates as working-day numbers: its latest start and finish, its total
   * float, and today.
   */
  public static String step(boolean done, boolean started, int latestStart, int latestFinish, int totalFloat, int today,
                            int yellowFloat) {
    if (done) return "done";
    if (started ? latestFinish < today : latestStart < today) return "red";
    if (totalFloat < yellowFloat) return "yellow";
    return "green";
  }
}

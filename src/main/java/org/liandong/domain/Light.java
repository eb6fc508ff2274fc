package org.liandong.domain;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.liandong.storage.Graph;

/**
 * One meaning of red (红黄绿灯): the one rule that decides a project's light and an obligation's
 * flag, wherever a person reads one (battle map, wall, project page, schedule table, leader view,
 * the leaders' figures). README's "One meaning of red" says it in words.
 *
 * <p>A project is <b>red</b> when any of: it is past its completion target and not producing; an
 * obligation is overdue; a 容缺 lapsed; not yet started, its projected start (倒排序时, from the
 * schedule) is more than {@link #RED_SLIP_WORKDAYS} working days after its target start. It is
 * <b>yellow</b> when, not red, any of: its projected start is after its target start by up to
 * that many working days; a step of its schedule is red; an open obligation is blocked or due
 * within {@link #DUE_SOON_DAYS} days. Otherwise <b>green</b>. The light comes with its reasons,
 * so the page can say why.
 *
 * <p>An obligation's flag (the schedule table, the bottleneck ranking, the agenda draft) is
 * <b>done</b>; <b>red</b> when it is late (past its due date) or can no longer finish by its
 * latest finish (negative float: it is projected to finish after its own due date or the target
 * start allows); <b>yellow</b> when its float is under the configured yellow float; <b>green</b>
 * otherwise.
 */
public final class Light {
  private Light() {}

  public static final int RED_SLIP_WORKDAYS = 5;
  public static final int DUE_SOON_DAYS = 7;

  /**
   * What the schedule (倒排序时) says of a project: when it is projected to start and how many
   * working days after its target (null without a target start), and how many of its steps are red.
   */
  public record Outlook(LocalDate projectedStartOn, Integer slipWorkdays, int lateSteps) {}

  /** The schedule's outlook per project id (every project when the list is null). */
  public interface Outlooks {
    Future<Map<String, Outlook>> of(List<String> projectIds);

    /** The same, read through another door to the graph (as of an instant: {@link Graph#asOf}). */
    Outlooks on(Graph door);

    /** Forgets what is kept: everything is planned again (after writes that went past the server). */
    default void reset() { }
  }

  /** What the rule reads of a project. */
  public record Facts(String stage, LocalDate targetCompleteOn, long overdue, long deficiencyExpired, long atRisk,
                      Outlook outlook) {
    /** From a project's JSON (its stage, targetCompleteOn and the {@link #COUNTS}). */
    public static Facts of(JsonObject project, Outlook outlook) {
      var complete = project.getString("targetCompleteOn");
      return new Facts(project.getString("stage"), complete == null ? null : LocalDate.parse(complete),
          count(project, "overdue"), count(project, "deficiencyExpired"), count(project, "atRisk"), outlook);
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
    var outlook = f.outlook();
    int slip = outlook == null || outlook.slipWorkdays() == null ? 0 : outlook.slipWorkdays();
    if (!started && slip > 0) (slip > RED_SLIP_WORKDAYS ? red : yellow).add("startSlip");
    if (outlook != null && outlook.lateSteps() > 0 && !(yellow.contains("startSlip") || red.contains("startSlip"))) {
      yellow.add("lateSteps");
    }
    if (f.atRisk() > 0) yellow.add("atRisk");
    if (!red.isEmpty()) return new Verdict("red", List.copyOf(red));
    if (!yellow.isEmpty()) return new Verdict("yellow", List.copyOf(yellow));
    return new Verdict("green", List.of());
  }

  /** Puts the light, its reasons and the projected start on a project's JSON. */
  public static JsonObject onto(JsonObject project, Outlook outlook, LocalDate today) {
    var verdict = project(Facts.of(project, outlook), today);
    return project.put("light", verdict.color()).put("lightReasons", new JsonArray(verdict.reasons()))
        .put("projectedStartOn", outlook == null || outlook.projectedStartOn() == null ? null : outlook.projectedStartOn().toString())
        .put("slipWorkdays", outlook == null ? null : outlook.slipWorkdays())
        .put("lateSteps", outlook == null ? 0 : outlook.lateSteps());
  }

  /**
   * An obligation's flag: red when it is late (open past its due date) or its total float is
   * negative (working days, from its earliest finish to its latest: its due date or the target
   * start is out of reach); yellow when the float is under {@code yellowFloat}; else green.
   */
  public static String step(boolean done, boolean late, int totalFloat, int yellowFloat) {
    if (done) return "done";
    if (late || totalFloat < 0) return "red";
    if (totalFloat < yellowFloat) return "yellow";
    return "green";
  }
}

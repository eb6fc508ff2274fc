package org.liandong.obligations;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.liandong.support.Body;

/**
 * An obligation to dispatch, as a coordinator or a meeting decision describes it. The contract
 * has checked its shape; {@link ObligationService} checks the rules (a need has a source, a
 * track is named, the project, department and prerequisites exist).
 */
public record NewObligation(String projectId, String departmentId, String title, String kind, String track,
                            LocalDate dueOn, Long durationDays, List<String> dependsOn, Boolean assisted,
                            String note, String needSource) {

  static final Body.Shape SHAPE = Body.Shape.of()
      .with(Body.Kind.TEXT, "projectId", "departmentId", "title", "kind", "track", "note", "needSource")
      .with(Body.Kind.DATE, "dueOn")
      .with(Body.Kind.INTEGER, "durationDays")
      .with(Body.Kind.TEXTS, "dependsOn")
      .with(Body.Kind.BOOL, "assisted");

  /** From a validated body (the obligation's own, or one item of a decision's list). */
  public static NewObligation from(Body body) {
    var v = body.read(SHAPE);
    return new NewObligation(v.text("projectId"), v.text("departmentId"), v.text("title"), v.text("kind"), v.text("track"),
        v.date("dueOn"), v.integer("durationDays"), v.texts("dependsOn"), v.bool("assisted"), v.text("note"), v.text("needSource"));
  }

  /** The same obligation for another project (a decision names its meeting's project once). */
  public NewObligation forProject(String id) {
    return new NewObligation(id, departmentId, title, kind, track, dueOn, durationDays, dependsOn, assisted, note, needSource);
  }

  String kindOrTask() {
    return kind == null ? "task" : kind;
  }

  /** The node's own properties, defaults applied. */
  Map<String, Object> properties() {
    var props = new HashMap<String, Object>();
    props.put("title", title);
    props.put("kind", kindOrTask());
    props.put("track", track == null && "need".equals(kind) ? "need" : track);
    props.put("dueOn", dueOn);
    if (durationDays != null) props.put("durationDays", durationDays);
    props.put("assisted", assisted != null && assisted);
    if (note != null) props.put("note", note);
    if (needSource != null) props.put("needSource", needSource);
    return props;
  }

  List<String> prerequisites() {
    return dependsOn == null ? List.of() : dependsOn;
  }
}

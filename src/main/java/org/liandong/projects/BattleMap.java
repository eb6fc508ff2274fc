package org.liandong.projects;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.liandong.projects.ProjectOrder.Attention;
import org.liandong.support.EncodedArray;

/**
 * What the battle map and the wall show of the projects, whatever their number: {@code total},
 * how many of each light ({@code lights}), the year the period opens on ({@code latestSigningYear}:
 * that of the latest signing in this year or before, null when nothing is signed) and the first
 * {@code limit} projects in attention order ({@code projects}, {@link Attention}), each as
 * {@code GET /api/projects} has it.
 */
final class BattleMap {
  /** How many projects a battle map shows when it does not say. */
  static final int DEFAULT_LIMIT = 100;

  private BattleMap() {}

  /** Everything but the projects: the total, the lights counted ({@code counts} in {@link ProjectOrder#LIGHTS}' order), the year. */
  static JsonObject head(int total, int[] counts, String latestSignedOn, int limit) {
    var lights = new JsonObject();
    for (int i = 0; i < ProjectOrder.LIGHTS.size(); i++) lights.put(ProjectOrder.LIGHTS.get(i), counts[i]);
    return new JsonObject().put("total", total).put("lights", lights)
        .put("latestSigningYear", latestSignedOn == null ? null : Integer.valueOf(latestSignedOn.substring(0, 4)))
        .put("limit", limit);
  }

  /** The head with the projects' kept bytes as its {@code projects}. */
  static Buffer encode(JsonObject head, List<Buffer> projects) {
    var start = head.toBuffer();
    var array = EncodedArray.join(projects);
    return Buffer.buffer(start.length() + array.length() + 12).appendBuffer(start, 0, start.length() - 1)
        .appendString(",\"projects\":").appendBuffer(array).appendString("}");
  }

  /** The battle map of a whole list of projects with their lights (the graph as it stood at an instant, read once). */
  static JsonObject of(JsonArray projects, LocalDate today, int limit) {
    var lit = projects.stream().map(JsonObject.class::cast).toList();
    int[] counts = new int[ProjectOrder.LIGHTS.size() + 1];
    for (var p : lit) counts[Attention.of(p).light()]++;
    var latest = lit.stream().map(p -> p.getString("signedOn"))
        .filter(on -> on != null && on.compareTo(ProjectOrder.Place.signedBy(today.getYear()).signedOn()) <= 0)
        .max(Comparator.naturalOrder()).orElse(null);
    var first = lit.stream().sorted(Comparator.comparing(Attention::of)).limit(limit).toList();
    return head(lit.size(), counts, latest, limit).put("projects", new JsonArray(first));
  }
}

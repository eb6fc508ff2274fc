package org.liandong.meta;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import org.liandong.access.Role;
import org.liandong.domain.Level;
import org.liandong.domain.MeetingStatus;
import org.liandong.domain.PermitBundle;
import org.liandong.domain.Stage;
import org.liandong.domain.Status;
import org.liandong.domain.Vocabulary;
import org.liandong.support.Routes;

/**
 * {@code GET /api/meta}: the domain's facts as the server holds them, in both languages, for the
 * pages to show instead of keeping copies: stages, levels, tracks, kinds, need sources, meeting
 * statuses, obligation statuses with the moves each allows, the fields an officer may change,
 * roles, the permit bundle's target, and the time zone people read times in.
 */
public final class MetaRoutes implements Routes {
  private final JsonObject meta;

  /** {@code zone}: where people are, so the pages show every time in LIANDONG_TIMEZONE. */
  public MetaRoutes(java.time.ZoneId zone) {
    this.meta = build().put("timeZone", zone == null ? "Asia/Shanghai" : zone.getId());
  }

  @Override
  public void mount(Operations api) {
    api.on("meta", this::meta);
  }

  private void meta(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "private, max-age=300");
    ctx.json(meta);
  }

  private static JsonObject build() {
    var stages = new JsonArray();
    for (var s : Stage.values()) stages.add(term(s.name(), s.zh, s.en));
    var levels = new JsonArray();
    for (var l : Level.values()) levels.add(term(l.name(), l.zh, l.en));
    var statuses = new JsonArray();
    for (var s : Status.values()) {
      statuses.add(term(s.name(), s.zh, s.en).put("next", new JsonArray(s.next().stream().map(Enum::name).sorted().toList())));
    }
    var noticeKinds = new JsonArray();
    for (var k : org.liandong.domain.NoticeKind.values()) noticeKinds.add(term(k.name(), k.zh, k.en));
    var meetingStatuses = new JsonArray();
    for (var m : MeetingStatus.values()) meetingStatuses.add(term(m.name(), m.zh, m.en));
    return new JsonObject()
        .put("stages", stages)
        .put("levels", levels)
        .put("statuses", statuses)
        .put("tracks", terms(Vocabulary.TRACKS))
        .put("kinds", terms(Vocabulary.KINDS))
        .put("needSources", terms(Vocabulary.NEED_SOURCES))
        .put("meetingStatuses", meetingStatuses)
        .put("noticeKinds", noticeKinds)
        .put("officerFields", new JsonArray(Vocabulary.WORKFLOW_FIELDS))
        .put("roles", new JsonArray(Role.keys()))
        .put("permitBundleTargetHours", PermitBundle.TARGET_HOURS);
  }

  private static JsonArray terms(Map<String, List<String>> names) {
    var out = new JsonArray();
    names.forEach((key, words) -> out.add(term(key, words.get(0), words.get(1))));
    return out;
  }

  private static JsonObject term(String key, String zh, String en) {
    return new JsonObject().put("key", key).put("zh", zh).put("en", en);
  }
}

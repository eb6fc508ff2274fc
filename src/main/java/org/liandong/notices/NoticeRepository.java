package org.liandong.notices;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.liandong.domain.NoticeKind;
import org.liandong.storage.Entry;
import org.liandong.storage.Graph;
import org.liandong.storage.Statement;
import org.liandong.storage.Where;
import org.liandong.storage.Work;
import org.liandong.support.Fields.Props;
import org.liandong.support.Json;
import org.neo4j.driver.Value;

/** Notifications and 督办 in the graph, read as JSON views. */
final class NoticeRepository {
  private final Graph graph;

  NoticeRepository(Graph graph) {
    this.graph = graph;
  }

  Graph graph() {
    return graph;
  }

  Future<JsonObject> mine(String userId, boolean unread, int offset, int limit) {
    var params = Map.<String, Object>of("userId", userId, "unread", unread, "offset", offset, "limit", limit,
        "receipts", org.liandong.domain.NoticeKind.acknowledgedKinds());
    return graph.query(NoticeCypher.MINE, params).compose(rows -> unread(userId).map(count -> new JsonObject()
        .put("items", new JsonArray(rows.stream().map(r -> Json.object(r.get("notice").asMap())).toList()))
        .put("unread", count)));
  }

  Future<Long> unread(String userId) {
    return graph.query(NoticeCypher.UNREAD, Map.of("userId", userId)).map(rows -> rows.get(0).get("unread").asLong());
  }

  Future<Void> read(String userId, List<String> ids) {
    return graph.write(tx -> ids == null
        ? tx.run(NoticeCypher.READ_ALL, Map.of("userId", userId))
        : tx.run(NoticeCypher.READ_SOME, Map.of("userId", userId, "ids", ids))).mapEmpty();
  }

  /** What a person chose: the kinds muted, and those not wanted by e-mail, by SMS. */
  Future<Choices> choices(String userId) {
    return graph.query(NoticeCypher.MUTED, Map.of("userId", userId)).map(rows -> rows.isEmpty()
        ? new Choices(List.of(), List.of(), List.of(), null, null, true)
        : new Choices(rows.get(0).get("muted").asList(Value::asString), rows.get(0).get("notByEmail").asList(Value::asString),
            rows.get(0).get("notBySms").asList(Value::asString), rows.get(0).get("quietFrom").asString(null), rows.get(0).get("quietUntil").asString(null),
            rows.get(0).get("digest").asBoolean()));
  }

  /** Records the choices; a channel's list or an end of the quiet hours that is null stays as it was. */
  Future<Void> choose(String userId, Choices choices) {
    var params = new java.util.HashMap<String, Object>();
    params.put("userId", userId);
    params.put("muted", choices.muted());
    params.put("notByEmail", choices.notByEmail());
    params.put("notBySms", choices.notBySms());
    params.put("quietFrom", choices.quietFrom());
    params.put("quietUntil", choices.quietUntil());
    params.put("digest", choices.digest());
    return graph.write(tx -> tx.run(NoticeCypher.MUTE, params)).mapEmpty();
  }

  static Statement supervisionList(NoticeService.Filter f, int limit) {
    return Where.of()
        .seek("project", f.project(), NoticeCypher.BY_PROJECT, "USING INDEX SEEK p:Project(id)")
        .seek("department", f.department(), NoticeCypher.BY_DEPARTMENT, "USING INDEX SEEK d:Department(id)")
        .when("status", f.status(), NoticeCypher.BY_STATUS)
        .seek("obligation", f.obligation(), NoticeCypher.BY_OBLIGATION, "USING INDEX SEEK o:Obligation(id)")
        .when(Boolean.TRUE.equals(f.open()), NoticeCypher.WAITING)
        .when(Boolean.FALSE.equals(f.open()), NoticeCypher.ANSWERED_OR_NOT)
        .around(NoticeCypher.SUPERVISIONS_FROM, NoticeCypher.SUPERVISIONS_REST, Map.of("limit", limit));
  }

  Future<JsonArray> supervisions(NoticeService.Filter f, int limit) {
    var list = supervisionList(f, limit);
    return graph.query(list.cypher(), list.params())
        .map(rows -> new JsonArray(rows.stream().map(r -> Json.object(r.get("supervision").asMap())).toList()));
  }

  /** A 督办 locked for its answer, with the champions its answer is told to (and the office). */
  record Locked(Props supervision, List<String> champions) {
    String departmentId() { return supervision.text("departmentId"); }
    String projectId() { return supervision.text("projectId"); }
    String status() { return supervision.text("status"); }
  }

  Work<Optional<Locked>> lock(String id) {
    return tx -> tx.first(NoticeCypher.LOCK_SUPERVISION, Map.of("id", id)).map(row -> row.map(r ->
        new Locked(Props.of(r.get("supervision").asMap()), r.get("champions").asList(Value::asString))));
  }

  /** The department's answer: a plan and the day it will be done by; told to the champions and the office. */
  Work<JsonObject> answer(Locked locked, String actor, String plan, LocalDate planBy, LocalDate today) {
    var id = locked.supervision().id();
    return tx -> tx.first(NoticeCypher.ANSWER, Map.of("id", id, "plan", plan, "planBy", planBy, "today", today, "by", actor))
        .compose(row -> {
          var after = row.orElseThrow().get("supervision").asMap();
          tx.record(new Entry(actor, "supervision.answered", "Supervision", id, locked.projectId(), locked.supervision().asMap(), after,
              List.of("project:" + locked.projectId(), "department:" + locked.departmentId())));
          var props = Notify.about(locked.supervision().value("obligationId"), locked.supervision().value("title"), locked.projectId(),
              locked.supervision().value("projectName"));
          props.put("departmentName", locked.supervision().value("departmentName"));
          props.put("planBy", planBy.toString());
          var fact = "answered|" + id;
          return Notify.people(locked.champions(), NoticeKind.supervisionAnswered, fact, props).run(tx)
              .compose(n -> Notify.office(NoticeKind.supervisionAnswered, fact, props).run(tx))
              .map(n -> Json.object(after));
        });
  }

  /** The ids a statement of people answers (the office; a department's officers, a meeting's invitees: by {@code param}). */
  static Work<List<String>> people(String who, String param, String id) {
    return tx -> tx.list(who, param == null ? Map.of() : Map.of(param, id)).map(rows -> rows.stream().map(r -> r.get("id").asString()).toList());
  }

  /** Writes the notices not yet there (by key), each told on its person's channel; resolves to the kinds of those created. */
  static Work<List<NoticeKind>> deliver(List<NoticeDraft> notices) {
    if (notices.isEmpty()) return Work.of(List.of());
    return tx -> tx.list(NoticeCypher.DELIVER, Map.of("notices", notices.stream().map(NoticeDraft::row).toList(),
        "byEmail", NoticeKind.byEmail(), "bySms", NoticeKind.bySms())).map(rows -> {
      var created = new java.util.ArrayList<NoticeKind>();
      for (var r : rows) {
        var notice = r.get("notice").asMap();
        created.add(NoticeKind.valueOf((String) notice.get("kind")));
        tx.record(new Entry("system", "notice.created", "Notice", (String) notice.get("id"), null, null, notice,
            List.of("user:" + notice.get("userId"))));
      }
      return created;
    });
  }
}

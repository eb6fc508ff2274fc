package org.liandong.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The drafted agenda: one proposal per obligation with all its reasons, the most project days first")
class AgendaDraftTest {
  static JsonObject item(String id, String status, String kind, boolean critical, String flag, int totalFloat) {
    return new JsonObject().put("id", id).put("title", "事项" + id).put("status", status).put("kind", kind).put("critical", critical)
        .put("flag", flag).put("totalFloat", totalFloat).put("departmentId", "d-" + id).put("departmentName", "部门" + id).put("dueOn", "2031-03-10");
  }

  @Test
  @DisplayName("a late critical item with an unanswered 督办 is one proposal (督办 first); late work is in, critical or not; green, done and non-critical tight work is left out; ranked by days at stake")
  void proposalsAndRank() {
    var plan = new JsonObject().put("projectId", "p1").put("projectName", "项目一").put("items", new JsonArray()
        .add(item("a", "in_progress", "approval", true, "red", -4))
        .add(item("b", "blocked", "site", false, "green", 5))
        .add(item("c", "accepted", "approval", true, "yellow", 1))
        .add(item("d", "dispatched", "need", false, "green", 8))
        .add(item("e", "accepted", "approval", true, "green", 9))
        .add(item("f", "done", "approval", true, "done", 0))
        .add(item("g", "accepted", "approval", false, "red", -2))
        .add(item("h", "accepted", "approval", false, "yellow", 1)));
    var waiting = new JsonArray().add(new JsonObject().put("id", "s1").put("obligationId", "a").put("respondBy", "2031-03-14"))
        .add(new JsonObject().put("id", "s2").put("obligationId", "x").put("title", "别处的事项").put("projectId", "p1")
            .put("projectName", "项目一").put("departmentId", "d-x").put("departmentName", "部门x"));
    var proposals = AgendaDraft.proposals(plan, waiting);
    assertThat(proposals).extracting(p -> p.getString("obligationId")).containsExactlyInAnyOrder("a", "b", "c", "d", "g", "x");
    var a = proposals.stream().filter(p -> p.getString("obligationId").equals("a")).findFirst().orElseThrow();
    assertThat(a.getJsonArray("reasons").getList()).containsExactly("supervision", "late");
    assertThat(a.getString("supervisionId")).isEqualTo("s1");
    assertThat(a.getInteger("costDays")).isEqualTo(4);

    var ranked = AgendaDraft.rank(proposals, Set.of("事项c（部门c）"));
    assertThat(ranked.getJsonObject(0).getString("obligationId")).isEqualTo("a");
    assertThat(ranked.stream().map(p -> ((JsonObject) p).getString("obligationId")).skip(1))
        .as("then by days at stake, then by reason: supervision, blocked, tight, need").containsExactly("g", "x", "b", "c", "d");
    assertThat(ranked.getJsonObject(4).getBoolean("onAgenda")).isTrue();
    assertThat(ranked.getJsonObject(4).getString("agendaTitle")).isEqualTo("事项c（部门c）");
  }

  @Test
  @DisplayName("a waiting extension request joins its obligation's proposal, or proposes a green one, its working days at stake")
  void extensions() {
    var plan = new JsonObject().put("projectId", "p1").put("projectName", "项目一").put("items", new JsonArray()
        .add(item("a", "blocked", "site", false, "green", 5)).add(item("e", "accepted", "approval", true, "green", 9)));
    var asked = new JsonArray().add(new JsonObject().put("id", "x1").put("obligationId", "e").put("requestedDueOn", "2031-04-01").put("slipWorkdays", 6))
        .add(new JsonObject().put("id", "x2").put("obligationId", "a").put("slipWorkdays", 2))
        .add(new JsonObject().put("id", "x3").put("obligationId", "elsewhere").put("slipWorkdays", 9));
    var proposals = AgendaDraft.withExtensions(AgendaDraft.proposals(plan, new JsonArray()), asked, plan);
    assertThat(proposals).extracting(p -> p.getString("obligationId")).containsExactly("a", "e");
    assertThat(proposals.get(0).getJsonArray("reasons").getList()).containsExactly("blocked", "extension");
    assertThat(proposals.get(1).getJsonArray("reasons").getList()).containsExactly("extension");
    assertThat(proposals.get(1).getInteger("costDays")).isEqualTo(6);
    assertThat(AgendaDraft.rank(proposals, Set.of()).getJsonObject(0).getString("obligationId")).isEqualTo("e");
  }
}

package org.liandong.departments;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.liandong.Api;
import org.liandong.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Departments and their hierarchy")
class DepartmentsIT {
  static Api admin;

  @BeforeAll
  static void logIn() {
    admin = TestServer.api().as("demo-admin");
  }

  @Test
  @DisplayName("an admin creates, renames and deletes a department under a parent")
  void crud() {
    var created = admin.post("/api/departments", new JsonObject().put("name", "测试局").put("level", "city").put("parentId", "d-zj-gov"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var id = created.json().getString("id");
    assertThat(created.json().getString("parentId")).isEqualTo("d-zj-gov");

    var renamed = admin.patch("/api/departments/" + id, new JsonObject().put("version", 1).put("name", "测试局（改）"));
    assertThat(renamed.json().getString("name")).isEqualTo("测试局（改）");
    assertThat(admin.with("If-Match", "\"2\"").delete("/api/departments/" + id).status()).isEqualTo(204);
    assertThat(admin.get("/api/departments/" + id).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("a parent that would make a loop is refused with the loop named; a department in use is not deleted")
  void rules() {
    var gov = admin.get("/api/departments/d-zj-gov").json();
    var loop = admin.patch("/api/departments/d-zj-gov", new JsonObject().put("version", gov.getLong("version")).put("parentId", "d-zj-drawing"));
    assertThat(loop.status()).isEqualTo(422);
    assertThat(loop.json().getJsonObject("fields").getString("parentId")).contains("镇江市施工图审查办公室").contains("镇江市人民政府");

    var housing = admin.get("/api/departments/d-zj-housing").json();
    var inUse = admin.with("If-Match", "\"" + housing.getLong("version") + "\"").delete("/api/departments/d-zj-housing");
    assertThat(inUse.status()).isEqualTo(409);

    assertThat(admin.post("/api/departments", new JsonObject().put("name", "x").put("level", "galaxy")).status()).isEqualTo(400);
    assertThat(TestServer.api().as("demo-coordinator").post("/api/departments",
        new JsonObject().put("name", "x").put("level", "city")).status()).isEqualTo(403);
  }
}

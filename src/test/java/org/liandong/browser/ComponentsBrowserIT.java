package org.liandong.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.Api;
import org.liandong.TestServer;
import org.openqa.selenium.By;

/** The pages' components (webroot/app/components) and their store, each mounted alone in a real page. */
@DisplayName("Components in a real browser (headless Chromium)")
class ComponentsBrowserIT {
  private static Browser browser;
  private static Api coordinator;

  @BeforeAll
  static void open() {
    coordinator = TestServer.api().as("demo-coordinator");
    browser = Browser.open(TestServer.get().port(), 1366, 900);
    browser.login("demo-analyst").go("#/notices");
    browser.waitFor(By.cssSelector("#view h1"));
  }

  @AfterAll
  static void close() {
    if (browser != null) browser.close();
  }

  @Test
  @DisplayName("the tile registry: each kind says what it can draw; a tile is drawn as the kind it asks for, falls back when that kind cannot draw its answer, and shows its error in the reader's language")
  @SuppressWarnings("unchecked")
  void tileRegistry() {
    var fits = (Map<String, Object>) browser.await("""
        const tiles = await import('/app/components/tiles.js');
        const single = { columns: ['n'], rows: [[42]] };
        const counts = { columns: ['部门', '逾期'], rows: [['市住建局', 3], ['区规建局', 1], ['区征收中心', 2]] };
        const texts = { columns: ['名称'], rows: [['甲'], ['乙']] };
        return { single: tiles.fitting(single), counts: tiles.fitting(counts), texts: tiles.fitting(texts),
          auto: [tiles.choose(single), tiles.choose(counts), tiles.choose(texts)],
          asked: [tiles.choose(counts, 'pie'), tiles.choose(counts, 'line'), tiles.choose(texts, 'bar'), tiles.choose(single, 'pie')] };""");
    assertThat(fits.get("single")).isEqualTo(List.of("table", "value"));
    assertThat(fits.get("counts")).isEqualTo(List.of("table", "bar", "pie", "line"));
    assertThat(fits.get("texts")).isEqualTo(List.of("table"));
    assertThat(fits.get("auto")).as("auto: a single value, else a bar chart, else a table").isEqualTo(List.of("value", "bar", "table"));
    assertThat(fits.get("asked")).as("the kind asked for when it fits").isEqualTo(List.of("pie", "line", "table", "value"));

    var drawn = (Map<String, Object>) browser.await("""
        await import('/app/components/tile.js');
        const box = document.createElement('div');
        box.id = 'component-tiles';
        document.getElementById('view').append(box);
        const tile = (id, display, result, error) => {
          const el = document.createElement('ld-tile');
          el.query = { id, name: id, display, ...(error ? { error: 'timed out', errorZh: '超时' } : { result }) };
          box.append(el);
          return el;
        };
        const pie = tile('pie', 'pie', { columns: ['部门', '逾期'], rows: [['市住建局', 3], ['区规建局', 1]] });
        const value = tile('value', 'auto', { columns: ['逾期事项'], rows: [[7]] });
        const fallback = tile('fallback', 'bar', { columns: ['名称'], rows: [['甲'], ['乙']] });
        const failed = tile('failed', 'auto', null, true);
        await Promise.all([pie, value, fallback, failed].map(t => t.updateComplete));
        for (let i = 0; i < 50 && !pie.querySelector('canvas'); i++) await new Promise(r => setTimeout(r, 100));
        return { kinds: [pie, value, fallback, failed].map(t => t.dataset.kind), canvas: !!pie.querySelector('[data-tile-chart=pie] canvas'),
          value: value.querySelector('.tile-value .value').textContent, rows: fallback.querySelectorAll('tbody tr').length,
          error: failed.querySelector('.error').textContent };""");
    assertThat(drawn.get("kinds")).isEqualTo(List.of("pie", "value", "table", "error"));
    assertThat(drawn.get("canvas")).as("the pie drawn by ECharts").isEqualTo(true);
    assertThat(drawn).containsEntry("value", "7").containsEntry("rows", 2L).containsEntry("error", "超时");
    browser.script("document.getElementById('component-tiles').remove()");
  }

  @Test
  @DisplayName("the store: two components showing the same read share one request; a burst of changes on their channel is read again once and both draw it; once they are gone, nothing is read")
  @SuppressWarnings("unchecked")
  void storeFedByTheLiveProtocol() {
    // a project of its own, signed outside the demo's year: the other tests' figures stay as they are
    var created = coordinator.post("/api/projects", new JsonObject().put("code", "COMP-" + java.util.UUID.randomUUID().toString().substring(0, 6))
        .put("name", "组件测试项目").put("company", "测试").put("investmentYi", 1.0).put("stage", "signed")
        .put("level", "district").put("signedOn", "2025-01-01"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var project = created.json().getString("id");
    var mounted = (Map<String, Object>) browser.await("""
        await import('/app/components/bottlenecks.js');
        performance.clearResourceTimings();
        const box = document.createElement('div');
        box.id = 'component-store';
        document.getElementById('view').append(box);
        const make = () => { const el = document.createElement('ld-bottlenecks'); el.channels = ['project:' + args[0]]; box.append(el); return el; };
        const [a, b] = [make(), make()];
        for (let i = 0; i < 100 && !(a.ranking.value && b.ranking.value); i++) await new Promise(r => setTimeout(r, 50));
        window.__first = a.ranking.value;
        return { shared: a.ranking.value === b.ranking.value, drawn: [a, b].map(e => e.querySelectorAll('tbody tr').length) };""", project);
    assertThat(mounted.get("shared")).as("one value for both").isEqualTo(true);
    assertThat((List<Long>) mounted.get("drawn")).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(reads()).as("one request for two components").isEqualTo(1);

    var due = LocalDate.now(TestServer.get().clock()).minusDays(4).toString();
    // two changes at once (two officers' clicks in the same moment)
    try (var both = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      var posts = List.of("组件测试：逾期的事项一", "组件测试：逾期的事项二").stream().map(title -> both.submit(() ->
          coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
              .put("title", title).put("track", "permits").put("dueOn", due).put("confirmed", true)).status())).toList();
      for (var post : posts) assertThat(post.get()).isEqualTo(201);
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      throw new AssertionError(e);
    }
    var after = (Map<String, Object>) browser.await("""
        const [a, b] = document.querySelectorAll('#component-store ld-bottlenecks');
        for (let i = 0; i < 100 && a.ranking.value === window.__first; i++) await new Promise(r => setTimeout(r, 50));
        await new Promise(r => setTimeout(r, 1000));   // time for a second read, were there one
        const housing = v => v.find(d => d.departmentId === 'd-zj-housing')?.late ?? 0;
        return { changed: a.ranking.value !== window.__first, shared: a.ranking.value === b.ranking.value,
          late: [housing(window.__first), housing(a.ranking.value)],
          shown: b.querySelector("tr[data-department='d-zj-housing']")?.textContent ?? '' };""");
    assertThat(after).containsEntry("changed", true).containsEntry("shared", true);
    var late = (List<Long>) after.get("late");
    assertThat(late.get(1)).as("市住建局's late work, read again").isEqualTo(late.get(0) + 2);
    assertThat((String) after.get("shown")).contains(String.valueOf(late.get(1)));
    assertThat(reads()).as("two changes together, one more read").isEqualTo(2);

    browser.script("document.getElementById('component-store').remove()");
    assertThat(coordinator.post("/api/obligations", new JsonObject().put("projectId", project).put("departmentId", "d-zj-housing")
        .put("title", "组件测试：无人在看").put("track", "permits").put("dueOn", due).put("confirmed", true)).status()).isEqualTo(201);
    browser.await("await new Promise(r => setTimeout(r, 1200));");
    assertThat(reads()).as("nobody shows it: not read").isEqualTo(2);
    assertThat(browser.errors()).isEmpty();
  }

  private static long reads() {
    return (Long) browser.script("return performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname === '/api/bottlenecks').length");
  }
}

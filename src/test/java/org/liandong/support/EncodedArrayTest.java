package org.liandong.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EncodedArrayTest {
  private final List<String> encodedNow = new ArrayList<>();

  private JsonObject item(String id, Object value) {
    encodedNow.add(id);
    return new JsonObject().put("id", id).put("value", value);
  }

  @Test
  void encodesOnlyWhatChangedAndKeepsTheGivenOrder() {
    var array = new EncodedArray<String>();
    var a = new Object();
    var b = new Object();
    var first = array.begin(2).add("a", a, null, () -> item("a", 1)).add("b", b, null, () -> item("b", 2)).end();
    assertEquals(new JsonArray().add(new JsonObject().put("id", "a").put("value", 1)).add(new JsonObject().put("id", "b").put("value", 2)),
        new JsonArray(first.all()));
    assertEquals(List.of("a", "b"), encodedNow);

    // b changed (a new object to make it from), the order turned: only b is encoded again
    encodedNow.clear();
    var b2 = new Object();
    var second = array.begin(2).add("b", b2, null, () -> item("b", 3)).add("a", a, null, () -> item("a", 1)).end();
    assertEquals(List.of("b"), encodedNow);
    assertEquals("[{\"id\":\"b\",\"value\":3},{\"id\":\"a\",\"value\":1}]", second.all().toString());
    // the first few of a round, as an array of their own; all of it when asked for as many or more
    assertEquals("[{\"id\":\"b\",\"value\":3}]", second.first(1).toString());
    assertEquals("[]", second.first(0).toString());
    assertEquals(second.all().toString(), second.first(5).toString());

    // what it is made with counts too; an item left out is forgotten
    encodedNow.clear();
    var third = array.begin(1).add("a", a, "today", () -> item("a", 4)).end();
    assertEquals(List.of("a"), encodedNow);
    assertEquals("[{\"id\":\"a\",\"value\":4}]", third.all().toString());
    encodedNow.clear();
    array.begin(1).add("b", b2, null, () -> item("b", 3)).end();
    assertEquals(List.of("b"), encodedNow);

    // nothing at all, and forget
    assertEquals("[]", array.begin(0).end().all().toString());
    array.begin(1).add("a", a, null, () -> item("a", 1)).end();
    encodedNow.clear();
    array.forget();
    array.begin(1).add("a", a, null, () -> item("a", 1)).end();
    assertEquals(List.of("a"), encodedNow);
  }
}

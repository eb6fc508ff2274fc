package org.liandong.support;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A large JSON array kept as its items' encoded bytes: an item is encoded again only when what it
 * is made from changed (compared by identity), so a list of 10,000 that changed in one place costs
 * one item's encoding and a copy of bytes, not 10,000 encodings (and their garbage). Items not
 * given in a round are forgotten. For one caller at a time (a read model's serial refresh).
 */
public final class EncodedArray<K> {
  private record Item(Object from, Object with, Buffer bytes) {}

  /**
   * A round's array: its items' bytes in order, put together when asked (the whole array once, on
   * first asking: a page of the first few never copies the rest).
   */
  public static final class Encoded {
    private final List<Buffer> items;
    private volatile Buffer all;

    Encoded(List<Buffer> items) {
      this.items = items;
    }

    /** The whole array. */
    public Buffer all() {
      var whole = all;
      if (whole == null) all = whole = join(items);
      return whole;
    }

    /** The array of the first {@code n} items (all of them when there are no more). */
    public Buffer first(int n) {
      return n >= items.size() ? all() : join(items.subList(0, n));
    }
  }

  /** A JSON array of items already encoded, in their order. */
  public static Buffer join(List<Buffer> items) {
    int length = 2 + Math.max(0, items.size() - 1);
    for (var item : items) length += item.length();
    var out = Buffer.buffer(length).appendByte((byte) '[');
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) out.appendByte((byte) ',');
      out.appendBuffer(items.get(i));
    }
    return out.appendByte((byte) ']');
  }

  private Map<K, Item> items = new HashMap<>();
  private Map<K, Item> next;
  private List<Buffer> order;

  /** Starts a round: the items follow in the array's order through {@link #add}, then {@link #end}. */
  public EncodedArray<K> begin(int expected) {
    next = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
    order = new ArrayList<>(expected);
    return this;
  }

  /**
   * The item of {@code key}, made from {@code from} and {@code with} (either may be null): the
   * bytes kept for it when both are the same objects as last round, else {@code json}'s, encoded.
   */
  public EncodedArray<K> add(K key, Object from, Object with, Supplier<JsonObject> json) {
    var item = items.get(key);
    if (item == null || item.from() != from || item.with() != with) item = new Item(from, with, json.get().toBuffer());
    next.put(key, item);
    order.add(item.bytes());
    return this;
  }

  /** The array of this round's items. */
  public Encoded end() {
    items = next;
    next = null;
    var encoded = new Encoded(List.copyOf(order));
    order = null;
    return encoded;
  }

  /** Every item is encoded again next round (what they are made from changed in a way identity does not show: a new day). */
  public void forget() {
    items = new HashMap<>();
  }
}

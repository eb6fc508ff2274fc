package org.liandong.live;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.liandong.support.Addresses;

/**
 * Who is in each meeting room. Every node announces the people behind its own sockets on the
 * event bus; every node merges the announcements and tells its sockets. A person with two tabs
 * open counts once. Each node repeats its announcement every {@link #BEAT_MS}; the people of a
 * node not heard for {@link #LOST_MS} (it crashed) leave every room. Runs on the hub's context.
 */
final class Presence {
  private final Vertx vertx;
  private final String node;
  private final BiConsumer<String, String> attendance;
  private final Function<String, List<Peer>> peers;
  private static final long LINGER_MS = 2_000;
  static final long BEAT_MS = 5_000;
  static final long LOST_MS = 15_000;
  private final Map<String, Room> rooms = new HashMap<>();

  private static final class Room {
    final Map<String, JsonObject> local = new LinkedHashMap<>();
    final Map<String, Integer> sockets = new HashMap<>();
    final Map<String, JsonArray> byNode = new HashMap<>();
    final Map<String, Long> heardAt = new HashMap<>();
    MessageConsumer<JsonObject> consumer;
  }

  Presence(Vertx vertx, String node, BiConsumer<String, String> attendance, Function<String, List<Peer>> peers) {
    this.vertx = vertx;
    this.node = node;
    this.attendance = attendance;
    this.peers = peers;
    vertx.setPeriodic(BEAT_MS, BEAT_MS, t -> beat());
  }

  /** Repeats this node's people in every room it has, and lets go of nodes gone quiet. */
  private void beat() {
    long now = System.nanoTime();
    rooms.forEach((meetingId, room) -> {
      if (!room.local.isEmpty()) announce(meetingId, room, new JsonObject());
      var lost = room.heardAt.entrySet().stream()
          .filter(e -> !e.getKey().equals(node) && now - e.getValue() > LOST_MS * 1_000_000).map(Map.Entry::getKey).toList();
      if (lost.isEmpty()) return;
      lost.forEach(n -> {
        room.heardAt.remove(n);
        room.byNode.remove(n);
      });
      var event = event(meetingId, room, new JsonObject());
      peers.apply(meetingId).forEach(p -> {
        if (!p.lagging) p.send(event);
      });
    });
  }

  void join(String meetingId, Peer peer) {
    var room = rooms.computeIfAbsent(meetingId, this::open);
    var userId = peer.user.id();
    if (room.sockets.merge(userId, 1, Integer::sum) == 1) {
      room.local.put(userId, peer.who());
      attendance.accept(meetingId, userId);
      announce(meetingId, room, new JsonObject().put("joined", peer.who()));
    } else {
      // a second tab: only the newcomer needs the current picture
      peer.send(event(meetingId, room, new JsonObject()));
    }
  }

  void leave(String meetingId, Peer peer) {
    var room = rooms.get(meetingId);
    if (room == null) return;
    var userId = peer.user.id();
    var left = room.sockets.merge(userId, -1, Integer::sum);
    if (left != null && left <= 0) {
      room.sockets.remove(userId);
      room.local.remove(userId);
      announce(meetingId, room, new JsonObject().put("left", peer.who()));
    }
    if (room.sockets.isEmpty()) {
      // keep listening a moment so our own last announcement is not sent to nobody
      vertx.setTimer(LINGER_MS, t -> {
        if (room.sockets.isEmpty() && rooms.remove(meetingId, room)) room.consumer.unregister();
      });
    }
  }

  private Room open(String meetingId) {
    var room = new Room();
    room.consumer = vertx.eventBus().consumer(Addresses.presence(meetingId), msg -> receive(meetingId, room, msg.body()));
    // ask the other nodes for their people; they answer with an announcement
    room.consumer.completion().onSuccess(v ->
        vertx.eventBus().publish(Addresses.presence(meetingId), new JsonObject().put("node", node).put("hello", true)
            .put("people", new JsonArray(List.copyOf(room.local.values())))));
    return room;
  }

  private void announce(String meetingId, Room room, JsonObject change) {
    vertx.eventBus().publish(Addresses.presence(meetingId), change.put("node", node)
        .put("people", new JsonArray(List.copyOf(room.local.values()))));
  }

  private void receive(String meetingId, Room room, JsonObject message) {
    if (rooms.get(meetingId) != room) return;
    var from = message.getString("node");
    var previous = room.byNode.put(from, message.getJsonArray("people"));
    room.heardAt.put(from, System.nanoTime());
    if (message.getBoolean("hello", false) && !node.equals(from)) {
      announce(meetingId, room, new JsonObject());
    }
    // a node's repeated announcement tells the sockets nothing new
    if (message.getJsonArray("people").equals(previous) && !message.containsKey("joined") && !message.containsKey("left")) return;
    var change = new JsonObject();
    if (message.containsKey("joined")) change.put("joined", message.getJsonObject("joined"));
    if (message.containsKey("left")) change.put("left", message.getJsonObject("left"));
    var event = event(meetingId, room, change);
    peers.apply(meetingId).forEach(p -> {
      if (!p.lagging) p.send(event);
    });
  }

  /** The merged picture: each person once, and the departments present. */
  private JsonObject event(String meetingId, Room room, JsonObject change) {
    var people = new LinkedHashMap<String, JsonObject>();
    room.byNode.values().forEach(list -> list.forEach(p -> people.putIfAbsent(((JsonObject) p).getString("userId"), (JsonObject) p)));
    room.local.forEach(people::putIfAbsent);
    var departments = new LinkedHashMap<String, JsonObject>();
    people.values().forEach(p -> {
      var id = p.getString("departmentId");
      if (id != null) departments.putIfAbsent(id, new JsonObject().put("departmentId", id)
          .put("departmentName", p.getString("departmentName")));
    });
    return new JsonObject().put("channel", "meeting:" + meetingId).put("type", "presence")
        .put("at", Instant.now().toString())
        .put("data", change.copy()
            .put("people", new JsonArray(List.copyOf(people.values())))
            .put("departments", new JsonArray(List.copyOf(departments.values()))));
  }
}

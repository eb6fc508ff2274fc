package org.liandong.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/** Tasks in dependency order (prerequisites first, Kahn's algorithm); a cycle is refused, naming it. */
final class TaskOrder {
  private TaskOrder() {}

  static List<Scheduler.Task> of(List<Scheduler.Task> tasks) {
    var byId = new LinkedHashMap<String, Scheduler.Task>();
    tasks.forEach(t -> byId.put(t.id(), t));
    var successors = new HashMap<String, List<Scheduler.Task>>();
    tasks.forEach(t -> successors.put(t.id(), new ArrayList<>()));
    for (var t : tasks) for (var dep : t.dependsOn()) if (byId.containsKey(dep)) successors.get(dep).add(t);
    var pending = new HashMap<String, Integer>();
    for (var t : tasks) pending.put(t.id(), (int) t.dependsOn().stream().filter(byId::containsKey).count());
    var ready = new ArrayDeque<Scheduler.Task>();
    tasks.stream().filter(t -> pending.get(t.id()) == 0).forEach(ready::add);
    var order = new ArrayList<Scheduler.Task>();
    while (!ready.isEmpty()) {
      var t = ready.poll();
      order.add(t);
      for (var s : successors.get(t.id())) {
        if (pending.merge(s.id(), -1, Integer::sum) == 0) ready.add(s);
      }
    }
    if (order.size() < tasks.size()) throw cycle(byId, pending);
    return order;
  }

  private static Failure cycle(Map<String, Scheduler.Task> byId, Map<String, Integer> pending) {
    // walk prerequisites among the tasks left over until one repeats: that is the cycle
    var start = pending.entrySet().stream().filter(e -> e.getValue() > 0).findFirst().orElseThrow().getKey();
    var path = new ArrayList<String>();
    var seen = new HashMap<String, Integer>();
    var current = start;
    while (!seen.containsKey(current)) {
      seen.put(current, path.size());
      path.add(current);
      current = byId.get(current).dependsOn().stream()
          .filter(d -> byId.containsKey(d) && pending.get(d) > 0).findFirst().orElseThrow();
    }
    var loop = new ArrayList<>(path.subList(seen.get(current), path.size()));
    loop.add(current);
    var names = loop.stream().map(id -> byId.get(id).title()).toList();
    var cycle = String.join(" → ", names);
    return Failure.unprocessable("dependsOn", Text.key("server.schedule.dependenciesFormCycle", "cycle", cycle));
  }
}

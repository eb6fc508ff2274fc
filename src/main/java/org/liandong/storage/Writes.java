package org.liandong.storage;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.liandong.support.Failure;
import org.liandong.support.Text;

/**
 * How this node's writes reach Neo4j. Each write goes on a lane: the channel of the project or
 * meeting it changes, or a lane of its own. At most {@code transactions} write transactions are
 * open at once; a lane is in one of them at a time, and its next one takes every write that queued
 * on it meanwhile (up to {@code batch}): they run one after another in that transaction, their
 * changes are recorded by one statement, and one commit (one disk sync, one hold of the channels'
 * locks) makes them all durable. A busy project's writes are committed together instead of
 * queueing one disk sync each behind its channel's lock; when every transaction is busy, one
 * transaction also serves several lanes (quiet projects that share a department's channel); a
 * lone write on a quiet node is a batch of one.
 *
 * <p>Bounded: at most {@code perLane} writes waiting or running on one lane and {@code perNode} in
 * all; beyond either, a write is refused at once with 503 and {@code Retry-After} (and counted),
 * never left to wait for a connection. The state is guarded by this object's monitor, held only to
 * move writes between queues.
 */
public final class Writes {
  /** The bounds, from the environment (README: LIANDONG_WRITE_*). */
  public record Limits(int transactions, int batch, int perLane, int perNode) {
    public static final Limits DEFAULT = new Limits(16, 64, 512, 4096);
  }

  static final Text LANE_FULL = Text.key("server.storage.tooManyChangesWaiting");
  static final Text NODE_FULL = Text.key("server.storage.serverTakingTooMany");

  /** One write waiting for its transaction: its work, the door it came through (its clock), and where to answer. */
  record Pending<T>(Work<T> work, Graph door, Context context, Promise<T> promise) {
    @SuppressWarnings("unchecked")
    void succeed(Object value) {
      context.runOnContext(v -> promise.complete((T) value));
    }

    void fail(Throwable error) {
      context.runOnContext(v -> promise.fail(error));
    }
  }

  private static final class Lane {
    final String name;
    final ArrayDeque<Pending<?>> queue = new ArrayDeque<>();
    /** Waiting plus running. */
    int writes;
    /** In the ready queue or running: not to be queued twice. */
    boolean scheduled;

    Lane(String name) {
      this.name = name;
    }
  }

  private final Limits limits;
  private final Map<String, Lane> lanes = new HashMap<>();
  private final ArrayDeque<Lane> ready = new ArrayDeque<>();
  private int open;
  private int writes;
  private final AtomicLong refusedLane = new AtomicLong();
  private final AtomicLong refusedNode = new AtomicLong();
  private final AtomicLong transactionsRun = new AtomicLong();
  private final AtomicLong writesRun = new AtomicLong();

  Writes(Limits limits) {
    this.limits = limits;
  }

  /** Queues the write on its lane ({@code null}: a lane of its own), or refuses it at once. */
  <T> void submit(String laneName, Pending<T> write) {
    List<Start> starts;
    synchronized (this) {
      if (writes >= limits.perNode()) {
        refusedNode.incrementAndGet();
        write.fail(new Failure.Unavailable(NODE_FULL, 1));
        return;
      }
      var lane = laneName == null ? new Lane(null) : lanes.computeIfAbsent(laneName, Lane::new);
      if (lane.writes >= limits.perLane()) {
        refusedLane.incrementAndGet();
        write.fail(new Failure.Unavailable(LANE_FULL, 1));
        return;
      }
      lane.queue.add(write);
      lane.writes++;
      writes++;
      if (!lane.scheduled) {
        lane.scheduled = true;
        ready.add(lane);
      }
      starts = startable();
    }
    starts.forEach(Start::run);
  }

  /** A transaction about to run: the lanes it serves, how many writes of each, and those writes in order. */
  private record Start(Writes writes, List<Lane> lanes, List<Integer> counts, List<Pending<?>> batch) {
    void run() {
      writes.transactionsRun.incrementAndGet();
      writes.writesRun.addAndGet(batch.size());
      batch.get(0).door().runBatch(batch, () -> writes.settled(this));
    }
  }

  /**
   * Under the monitor: the transactions that may start now. Each takes its share of the lanes
   * ready (all of them spread over the free transactions), and from each lane every write waiting
   * on it, up to {@code batch} writes in all: many quiet projects that share a department's channel
   * are committed together too, once the transactions are all busy.
   */
  private List<Start> startable() {
    var starts = new ArrayList<Start>();
    while (open < limits.transactions() && !ready.isEmpty()) {
      int free = limits.transactions() - open;
      int share = (ready.size() + free - 1) / free;
      var served = new ArrayList<Lane>();
      var counts = new ArrayList<Integer>();
      var batch = new ArrayList<Pending<?>>();
      while (served.size() < share && !ready.isEmpty() && batch.size() < limits.batch()) {
        var lane = ready.poll();
        int n = 0;
        while (batch.size() < limits.batch() && !lane.queue.isEmpty()) {
          batch.add(lane.queue.poll());
          n++;
        }
        served.add(lane);
        counts.add(n);
      }
      open++;
      starts.add(new Start(this, served, counts, batch));
    }
    return starts;
  }

  private void settled(Start done) {
    List<Start> starts;
    synchronized (this) {
      open--;
      for (int i = 0; i < done.lanes().size(); i++) {
        var lane = done.lanes().get(i);
        lane.writes -= done.counts().get(i);
        writes -= done.counts().get(i);
        if (!lane.queue.isEmpty()) {
          ready.add(lane);
        } else {
          lane.scheduled = false;
          if (lane.name != null && lane.writes == 0) lanes.remove(lane.name);
        }
      }
      starts = startable();
    }
    starts.forEach(Start::run);
  }

  /** Writes refused because their project's lane was full. */
  public long refusedByLane() {
    return refusedLane.get();
  }

  /** Writes refused because the node's bound was reached. */
  public long refusedByNode() {
    return refusedNode.get();
  }

  /** Write transactions committed or attempted, and the writes they carried: their ratio is the mean batch. */
  public long transactions() {
    return transactionsRun.get();
  }

  public long writesRun() {
    return writesRun.get();
  }

  /** Writes waiting or running now. */
  public synchronized int inFlight() {
    return writes;
  }
}

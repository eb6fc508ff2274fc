package org.liandong.kpis;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.liandong.domain.PermitBundle;

/**
 * The KPI queries' rows ({@link KpiCypher#PROJECT_ROWS}, {@link KpiCypher#DEPARTMENT_ROWS}) as
 * Java values, read out of the driver's once when the row is read: the figures are summed over
 * every project at each change, and a column lookup per figure per project costs more than the
 * sums themselves.
 */
final class KpiRows {
  private KpiRows() {}

  record Champion(String id, String name) {}

  /** A need (诉求) of the project: collect → dispatch → handle → respond → evaluate. */
  record Need(String status, boolean responded, boolean evaluated, Long handledSeconds) {}

  record Project(String id, String name, String stage, String level, boolean isNew, Double investmentYi,
                 LocalDate signedOn, LocalDate startedOn, LocalDate targetCompleteOn,
                 long obligations, long overdue, long deficiencyExpired, long atRisk,
                 LocalDate landAcquiredOn, Long landToStartDays,
                 long permits, long permitsIssued, ZonedDateTime firstIssuedAt, ZonedDateTime lastIssuedAt,
                 double work, double workDone, List<Champion> champions, List<Need> needs,
                 JsonObject permitItem, JsonObject landItem) {
    /**
     * Its items in the battle map's lists, made once from the other fields (whatever is given for
     * them): its permit bundle (五证联发; one still running gets its elapsed time at each answer:
     * {@link #permit}) and its 拿地即开工 line.
     */
    Project {
      permitItem = null;
      if (permits > 0) {
        permitItem = new JsonObject().put("projectId", id).put("projectName", name).put("total", permits).put("issued", permitsIssued)
            .put("firstIssuedAt", firstIssuedAt == null ? null : firstIssuedAt.toString());
        if (!running(permits, permitsIssued)) {
          Long span = permits == permitsIssued && firstIssuedAt != null
              ? Duration.between(firstIssuedAt.toInstant(), lastIssuedAt.toInstant()).getSeconds() : null;
          permitItem.mergeIn(PermitBundle.figures(span, null));
        }
      }
      landItem = landToStartDays == null || startedOn == null || landAcquiredOn == null ? null
          : new JsonObject().put("projectId", id).put("projectName", name).put("landAcquiredOn", landAcquiredOn.toString())
              .put("startedOn", startedOn.toString()).put("days", landToStartDays);
    }

    /** Its permit bundle's item as of {@code now}, or null without permits. */
    JsonObject permit(Instant now) {
      if (permitItem == null || !running(permits, permitsIssued)) return permitItem;
      return permitItem.copy().mergeIn(PermitBundle.figures(null, Duration.between(firstIssuedAt.toInstant(), now).getSeconds()));
    }

    /** Some permits issued and some not: the bundle's clock is running. */
    private static boolean running(long permits, long issued) {
      return issued > 0 && permits > issued;
    }

    double investment() {
      return investmentYi == null ? 0 : investmentYi;
    }
  }

  record Department(String id, String name, String shortName, long owed, long done, long overdue, long deficient, long deficiencyExpired,
                    long due, long settled, long doneOnTime, List<Long> acceptSeconds, long reminders,
                    long supervisions, long supervisionsAnsweredOnTime, long extensions, long deficienciesDue, long lapses) {
  }
}

package org.liandong.kpis;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.domain.Period;
import org.liandong.storage.KeptRows;
import org.liandong.storage.Work;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The KPI rows in the graph ({@link KpiCypher}): every project's and department's, or those a
 * commit touched, each driver record mapped once into {@link KpiRows}.
 */
final class KpiRepository {
  private KpiRepository() {}

  /** Each project's row, kept and read again by id ({@link KpiModel}). */
  static KeptRows<KpiRows.Project> projectRows() {
    return new KeptRows<>(KpiCypher.ALL_PROJECTS + KpiCypher.PROJECT_ROWS, KpiCypher.SOME_PROJECTS + KpiCypher.PROJECT_ROWS,
        KpiRepository::project);
  }

  /** Each department's row for one period, kept and read again by id. */
  static KeptRows<KpiRows.Department> departmentRows() {
    return new KeptRows<>(KpiCypher.ALL_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS,
        KpiCypher.SOME_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS, KpiRepository::department);
  }

  /** The whole graph's rows as one transaction read them: every project's, and every department's for each period, by id. */
  record Read(List<KpiRows.Project> projects, Map<Period, List<KpiRows.Department>> departments) {}

  static Work<Read> readAll(List<Period> periods, LocalDate today, Clock clock) {
    return tx -> tx.list(KpiCypher.ALL_PROJECTS + KpiCypher.PROJECT_ROWS, KpiModel.projectParams(today)).compose(projects -> {
      Future<Map<Period, List<KpiRows.Department>>> departments = Future.succeededFuture(new LinkedHashMap<>());
      for (var period : periods) {
        departments = departments.compose(read -> tx.list(KpiCypher.ALL_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS,
            KpiModel.departmentParams(period, today, clock)).map(rows -> {
              read.put(period, sorted(rows, KpiRepository::department));
              return read;
            }));
      }
      return departments.map(read -> new Read(sorted(projects, KpiRepository::project), read));
    });
  }

  /** A department's open work and how much of it is late. */
  record DepartmentWork(String id, String name, long open, long late) {}

  static Work<List<DepartmentWork>> openAndLate(LocalDate today) {
    return tx -> tx.list(KpiCypher.OPEN_AND_LATE, Map.of("today", today)).map(rows -> rows.stream()
        .map(r -> new DepartmentWork(r.get("id").asString(), r.get("name").asString(null), r.get("open").asLong(), r.get("late").asLong())).toList());
  }

  private static <T> List<T> sorted(List<Record> records, java.util.function.Function<Record, T> row) {
    return records.stream().sorted(Comparator.comparing(r -> r.get("id").asString())).map(row).toList();
  }

  static KpiRows.Project project(Record r) {
    return new KpiRows.Project(r.get("id").asString(), r.get("name").asString(null), r.get("stage").asString(null),
        r.get("level").asString(null), r.get("isNew").asBoolean(false), number(r.get("investmentYi")),
        date(r.get("signedOn")), date(r.get("startedOn")), date(r.get("targetCompleteOn")),
        r.get("obligations").asLong(), r.get("overdue").asLong(), r.get("deficiencyExpired").asLong(), r.get("atRisk").asLong(),
        date(r.get("landAcquiredOn")), r.get("landToStartDays").isNull() ? null : r.get("landToStartDays").asLong(),
        r.get("permits").asLong(), r.get("permitsIssued").asLong(), instant(r.get("firstIssuedAt")), instant(r.get("lastIssuedAt")),
        r.get("work").asDouble(), r.get("workDone").asDouble(),
        r.get("champions").asList(c -> new KpiRows.Champion(c.get("id").asString(), c.get("name").asString(null))),
        r.get("needs").asList(n -> new KpiRows.Need(n.get("status").asString(), n.get("responded").asBoolean(), n.get("evaluated").asBoolean(),
            n.get("handledSeconds").isNull() ? null : n.get("handledSeconds").asLong())), null, null);
  }

  static KpiRows.Department department(Record r) {
    return new KpiRows.Department(r.get("id").asString(), r.get("name").asString(), r.get("shortName").asString(null), r.get("owed").asLong(), r.get("done").asLong(),
        r.get("overdue").asLong(), r.get("deficient").asLong(), r.get("deficiencyExpired").asLong(),
        r.get("due").asLong(), r.get("settled").asLong(), r.get("doneOnTime").asLong(),
        r.get("acceptSeconds").asList(Value::asLong), r.get("reminders").asLong(),
        r.get("supervisions").asLong(), r.get("supervisionsAnsweredOnTime").asLong(), r.get("extensions").asLong(),
        r.get("deficienciesDue").asLong(), r.get("lapses").asLong());
  }

  private static Double number(Value v) {
    return v.isNull() ? null : v.asDouble();
  }

  private static LocalDate date(Value v) {
    return v.isNull() ? null : v.asLocalDate();
  }

  private static ZonedDateTime instant(Value v) {
    return v.isNull() ? null : v.asZonedDateTime();
  }
}

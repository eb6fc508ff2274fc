package org.liandong.sheets;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.liandong.domain.Level;
import org.liandong.domain.Period;
import org.liandong.domain.Stage;
import org.liandong.sheets.ExportService.Workbook;
import org.liandong.sheets.SheetWriter.Header;
import org.liandong.support.Catalogue;

/**
 * The export workbooks laid out, cell by cell, from what {@link ExportService} read: blocking
 * work (Apache POI), run on a worker thread. Headers in Chinese, English with {@code en}.
 */
final class ExportSheets {
  private ExportSheets() {}

  private static Header h(Column c, boolean en) {
    return new Header(en ? c.en() : c.zh(), c.width);
  }

  private static Header h(String key, int width, boolean en) {
    return new Header(word(key, en), width);
  }

  /** The catalogue's words under {@code key}, in English or Chinese. */
  private static String word(String key, boolean en) {
    return en ? Catalogue.en(key) : Catalogue.zh(key);
  }

  /** The template: the two sheets' headers, with two example projects and their obligations (named after this graph's departments and leaders). */
  static Workbook template(boolean en, int year, String department, String leader) {
    try (var w = new SheetWriter()) {
      w.sheet(word("exports.projects2", en), Column.of(Column.Sheet.PROJECTS).stream().map(c -> h(c, en)).toList());
      w.row(List.of("MB-" + year + "-001", word("exports.exampleBatteryMaterialsPlant", en), word("exports.exampleCo", en),
          20, 243.82, Stage.signed.zh, Level.district.zh, true, LocalDate.of(year, 3, 1), LocalDate.of(year, 9, 1), LocalDate.of(year + 2, 6, 30), "",
          leader == null ? "" : leader, "", word("exports.deleteExampleRowsBefore", en)));
      w.row(List.of("MB-" + year + "-002", word("exports.exampleLogisticsHub", en), word("exports.exampleLogistics", en),
          word("exports.example.investment", false), word("exports.example.land", false), Stage.filed.zh, Level.district.zh, false, year + "-04-15", "", "", "", "", "", ""));
      w.sheet(word("exports.obligations", en), Column.of(Column.Sheet.OBLIGATIONS).stream().map(c -> h(c, en)).toList());
      if (department != null) {
        w.row(List.of("MB-" + year + "-001", word("exports.landSurvey", en), CellValues.words("track.land").get(0), department, 10, LocalDate.of(year, 5, 15), ""));
        w.row(List.of("MB-" + year + "-001", word("exports.landListing", en), CellValues.words("track.land").get(0), department, 20, LocalDate.of(year, 7, 15),
            word("exports.landSurvey", en)));
      }
      w.sheet(word("exports.readMe", en), List.of(new Header(word("exports.howFill", en), 100)));
      for (int i = 1; i <= README_LINES; i++) w.row(List.of(word("exports.readme." + i, en)));
      return new Workbook(word("exports.liandongImportTemplateXlsx", en), w.bytes());
    }
  }


  /** The template's "read me" lines: the catalogue's exports.readme.1, .2, …. */
  private static final int README_LINES = 7;

  /** The battle map's list with lights and the period's figures. */
  static Workbook projects(JsonArray list, JsonObject figures, Period period, boolean en) {
    try (var w = new SheetWriter()) {
      var headers = new ArrayList<Header>();
      Column.of(Column.Sheet.PROJECTS).forEach(c -> headers.add(h(c, en)));
      headers.add(h("exports.header.light", 6, en));
      headers.add(h("exports.header.why", 30, en));
      headers.add(h("exports.header.projectedStart", 13, en));
      headers.add(h("exports.header.slipWorkingDays", 12, en));
      headers.add(h("exports.header.obligations", 8, en));
      headers.add(h("exports.header.open", 8, en));
      headers.add(h("exports.header.overdue", 8, en));
      headers.add(h("exports.header.lapsed", 10, en));
      w.sheet(word("exports.projects2", en), headers);
      for (var o : list) {
        var p = (JsonObject) o;
        var row = new ArrayList<Object>();
        for (var c : Column.of(Column.Sheet.PROJECTS)) row.add(cell(p, c));
        row.add(lightWord(p.getString("light"), en));
        row.add(String.join(word("exports.reasonSeparator", en), reasons(p, en)));
        row.add(date(p.getString("projectedStartOn")));
        row.add(p.getValue("slipWorkdays"));
        row.add(p.getValue("obligations"));
        row.add(p.getValue("open"));
        row.add(p.getValue("overdue"));
        row.add(p.getValue("deficiencyExpired"));
        w.row(row);
      }
      figures(w, figures, en);
      var text = period.text();
      return new Workbook((word("exports.battleMap", en)) + text + ".xlsx", w.bytes());
    }
  }

  /** A project's cell of a template column, as the import reads it back. */
  private static Object cell(JsonObject p, Column c) {
    return switch (c) {
      case STAGE -> p.getString("stage") == null ? null : Stage.valueOf(p.getString("stage")).zh;
      case LEVEL -> p.getString("level") == null ? null : Level.valueOf(p.getString("level")).zh;
      case NEW -> p.getBoolean("new");
      case CHAMPIONS -> String.join("、", p.getJsonArray("champions", new JsonArray()).stream()
          .map(x -> ((JsonObject) x).getString("displayName")).toList());
      case LIAISON -> p.getJsonObject("liaison") == null ? null : p.getJsonObject("liaison").getString("displayName");
      case SIGNED, TARGET_START, TARGET_COMPLETE, STARTED -> date(p.getString(c.field));
      default -> p.getValue(c.field);
    };
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  private static String lightWord(String light, boolean en) {
    if (light == null) return null;
    return word("lights." + light, en);
  }

  /** Why the light is what it is, in words (the pages' lights.why.*), not the reasons' keys. */
  private static List<String> reasons(JsonObject p, boolean en) {
    var reasons = p.getJsonArray("lightReasons");
    if (reasons == null) return List.of();
    return reasons.stream().map(r -> word("lights.why." + r, en).replace("{n}", String.valueOf(p.getValue("slipWorkdays")))).toList();
  }

  /** The period's headline figures, one per row. */
  private static void figures(SheetWriter w, JsonObject k, boolean en) {
    w.sheet(word("exports.figures", en), List.of(h("exports.header.figure", 30, en), h("exports.header.value", 14, en)));
    var pools = k.getJsonObject("pools");
    var rates = pools.getJsonObject("ratesPercent");
    var progress = k.getJsonObject("progress");
    var key = k.getJsonObject("keyProjects");
    var period = k.getJsonObject("period");
    w.row(word("exports.period", en), period.getString("from") + " – " + period.getString("to"));
    w.row(word("exports.projects3", en), k.getValue("projects"));
    w.row(word("exports.totalInvestment", en), k.getValue("totalInvestmentYi"));
    w.row(word("exports.signed", en), pools.getValue("signed"));
    w.row(word("exports.filed", en), pools.getValue("filed"));
    w.row(word("exports.started", en), pools.getValue("started"));
    w.row(word("exports.producing", en), pools.getValue("producing"));
    w.row(word("exports.filedSigned", en), rates.getValue("filedOfSigned"));
    w.row(word("exports.startedFiled", en), rates.getValue("startedOfFiled"));
    w.row(word("exports.producingStarted", en), rates.getValue("producingOfStarted"));
    w.row(word("exports.keyNewProjectsStarted", en), key.getValue("startRatePercent"));
    w.row(word("exports.newlySignedCount", en), k.getJsonObject("newlySigned").getValue("count"));
    w.row(word("exports.newlySigned", en), k.getJsonObject("newlySigned").getValue("investmentYi"));
    w.row(word("exports.expected", en), progress.getValue("expectedPercent"));
    w.row(word("exports.actualProgress", en), progress.getValue("actualPercent"));
    w.row(word("exports.medianDays", en), k.getJsonObject("landToStart").getValue("medianDays"));
  }

  /** 绩效考核: each department's record for the period, ranked. */
  static Workbook departments(JsonObject figures, Period period, boolean en) {
    try (var w = new SheetWriter()) {
      w.sheet(word("exports.departments2", en), List.of(h("exports.header.rank", 6, en), h("exports.header.department", 24, en),
          h("exports.header.score", 8, en), h("exports.header.due", 8, en), h("exports.header.settled", 8, en), h("exports.header.doneTime", 10, en),
          h("exports.header.time", 10, en), h("exports.header.medianHoursAccept", 14, en),
          h("exports.header.reminders", 8, en), h("exports.header.supervisions", 8, en), h("exports.header.answeredTime", 14, en),
          h("exports.header.extensions", 10, en), h("exports.header.due2", 10, en), h("exports.header.lapsed2", 10, en),
          h("exports.header.owed", 10, en), h("exports.header.done", 8, en), h("exports.header.overdue", 8, en)));
      var rows = new ArrayList<JsonObject>();
      figures.getJsonArray("departments").forEach(d -> rows.add((JsonObject) d));
      rows.sort(java.util.Comparator.comparing((JsonObject d) -> d.getInteger("rank") == null ? Integer.MAX_VALUE : d.getInteger("rank"))
          .thenComparing(d -> d.getString("name")));
      for (var d : rows) {
        var row = new ArrayList<Object>();
        for (var k : List.of("rank", "name", "score", "due", "settled", "doneOnTime", "onTimePercent", "medianHoursToAccept",
            "reminders", "supervisions", "supervisionsAnsweredOnTime", "extensions", "deficienciesDue", "lapses", "owed", "done", "overdue")) {
          row.add(d.getValue(k));
        }
        w.row(row);
      }
      return new Workbook((word("exports.departmentScores", en)) + period.text() + ".xlsx", w.bytes());
    }
  }

  /** 倒排序时: the schedule in latest-start order, the critical path marked. */
  static Workbook schedule(JsonObject project, JsonObject s, boolean en) {
    try (var w = new SheetWriter()) {
      w.sheet(word("exports.schedule2", en), List.of(h("exports.header.critical", 8, en), h("exports.header.obligation", 30, en),
          h("exports.header.department2", 20, en), h("exports.header.status", 10, en), h("exports.header.durationWorkingDays", 12, en),
          h("exports.header.due3", 12, en), h("exports.header.earliestStart", 12, en), h("exports.header.earliestFinish", 12, en),
          h("exports.header.latestStart", 12, en), h("exports.header.latestFinish", 12, en), h("exports.header.totalFloat", 12, en),
          h("exports.header.depends", 30, en)));
      var titles = new HashMap<String, String>();
      s.getJsonArray("items").forEach(i -> titles.put(((JsonObject) i).getString("id"), ((JsonObject) i).getString("title")));
      for (var i : s.getJsonArray("items")) {
        var o = (JsonObject) i;
        boolean critical = Boolean.TRUE.equals(o.getBoolean("critical"));
        var deps = o.getJsonArray("dependsOn", new JsonArray()).stream().map(d -> titles.getOrDefault(String.valueOf(d), String.valueOf(d))).toList();
        var row = new ArrayList<Object>();
        row.add(critical ? (word("exports.yes", en)) : "");
        row.add(o.getString("title"));
        row.add(o.getString("departmentName"));
        row.add(o.getString("status"));
        row.add(o.getValue("durationDays"));
        row.add(date(o.getString("dueOn")));
        row.add(date(o.getString("earliestStart")));
        row.add(date(o.getString("earliestFinish")));
        row.add(date(o.getString("latestStart")));
        row.add(date(o.getString("latestFinish")));
        row.add(o.getValue("totalFloat"));
        row.add(String.join("、", deps));
        w.row(row, critical);
      }
      var code = project.getString("code");
      return new Workbook((word("exports.schedule3", en)) + code + ".xlsx", w.bytes());
    }
  }

  /** A meeting's decisions (会议纪要) and the obligations each created. */
  static Workbook minutes(JsonObject m, ZoneId zone, boolean en) {
    var shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    try (var w = new SheetWriter()) {
      w.sheet(word("exports.decisions", en), List.of(h("exports.header.no", 6, en), h("exports.header.decided", 17, en),
          h("exports.header.decision", 50, en), h("exports.header.obligationCreated", 30, en), h("exports.header.department2", 20, en),
          h("exports.header.due3", 12, en), h("exports.header.status", 10, en)));
      int n = 0;
      for (var d : m.getJsonArray("decisions", new JsonArray())) {
        var decision = (JsonObject) d;
        n++;
        var at = decision.getString("at") == null ? null : ZonedDateTime.parse(decision.getString("at")).withZoneSameInstant(zone).format(shown);
        var created = decision.getJsonArray("obligations", new JsonArray());
        if (created.isEmpty()) w.row(n, at, decision.getString("text"), null, null, null, null);
        for (var o : created) {
          var ob = (JsonObject) o;
          w.row(n, at, decision.getString("text"), ob.getString("title"), ob.getString("departmentName"),
              date(ob.getString("dueOn")), ob.getString("status"));
        }
      }
      var meeting = m.getJsonObject("meeting");
      return new Workbook((word("exports.minutes2", en)) + meeting.getString("id") + ".xlsx", w.bytes());
    }
  }
}

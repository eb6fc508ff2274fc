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

/**
 * The export workbooks laid out, cell by cell, from what {@link ExportService} read: blocking
 * work (Apache POI), run on a worker thread. Headers in Chinese, English with {@code en}.
 */
final class ExportSheets {
  private ExportSheets() {}

  private static Header h(Column c, boolean en) {
    return new Header(en ? c.en() : c.zh(), c.width);
  }

  private static Header h(String zh, String en, int width, boolean english) {
    return new Header(english ? en : zh, width);
  }

  /** The template: the two sheets' headers, with two example projects and their obligations (named after this graph's departments and leaders). */
  static Workbook template(boolean en, int year, String department, String leader) {
    try (var w = new SheetWriter()) {
      w.sheet(en ? "Projects" : "项目清单", Column.of(Column.Sheet.PROJECTS).stream().map(c -> h(c, en)).toList());
      w.row(List.of("MB-" + year + "-001", en ? "Example: battery materials plant" : "示例：新能源电池材料项目", en ? "Example Co." : "示例新材料有限公司",
          20, 243.82, Stage.signed.zh, Level.district.zh, true, LocalDate.of(year, 3, 1), LocalDate.of(year, 9, 1), LocalDate.of(year + 2, 6, 30), "",
          leader == null ? "" : leader, "", en ? "Delete the example rows before importing your list" : "导入前请删除示例行"));
      w.row(List.of("MB-" + year + "-002", en ? "Example: logistics hub" : "示例：智慧物流园", en ? "Example Logistics" : "示例物流有限公司",
          "5000万元", "120亩", Stage.filed.zh, Level.district.zh, false, year + "-04-15", "", "", "", "", "", ""));
      w.sheet(en ? "Obligations" : "事项清单", Column.of(Column.Sheet.OBLIGATIONS).stream().map(c -> h(c, en)).toList());
      if (department != null) {
        w.row(List.of("MB-" + year + "-001", en ? "Land survey" : "土地勘测定界", "土地", department, 10, LocalDate.of(year, 5, 15), ""));
        w.row(List.of("MB-" + year + "-001", en ? "Land listing" : "土地挂牌出让", "土地", department, 20, LocalDate.of(year, 7, 15),
            en ? "Land survey" : "土地勘测定界"));
      }
      w.sheet(en ? "Read me" : "填写说明", List.of(new Header(en ? "How to fill this in" : "填写说明", 100)));
      for (var line : en ? README_EN : README_ZH) w.row(List.of(line));
      return new Workbook(en ? "liandong-import-template.xlsx" : "联动-导入模板.xlsx", w.bytes());
    }
  }

  private static final List<String> README_ZH = List.of(
      "表头按名称识别，不按列的位置；中文或英文表头均可，单位可写在括号里，如“总投资（亿元）”。",
      "必填列：项目编号、项目名称、建设单位、总投资、阶段、级别、签约日期；事项清单必填：项目编号、事项、条线、责任单位。",
      "日期：Excel 日期或 yyyy-MM-dd 文本；数字：数字或带单位的文本（20亿元、5000万元、243.82亩）。",
      "阶段：签约、备案、供地、发证、开工、投产；级别：省级、市级、区级；条线：土地、场地、证照、诉求；新开工：是 / 否。",
      "挂钩领导、联络员填姓名或用户名，多名领导用顿号分隔；责任单位填单位全称；前置事项填同一项目中事项的名称。",
      "再次导入同一清单时按项目编号更新，不会重复；导入前先“检查”，所有问题逐行列出，确认后才写入。",
      "请勿使用公式、合并表头、隐藏工作表或密码保护。");

  private static final List<String> README_EN = List.of(
      "Headers are recognised by name, not by position, in Chinese or English; a unit may follow in brackets, e.g. “Investment (亿元)”.",
      "Required: code, name, company, investment, stage, level, signed on; for obligations: project code, title, track, department.",
      "Dates: Excel dates or yyyy-MM-dd text; numbers: numbers or text with units (20亿元, 5000万元, 243.82亩).",
      "Stage: signed, filed, land acquired, permitted, started, producing; level: province, city, district; track: land, site, permits, need.",
      "Champions and liaison by name or username (several champions separated by 、); departments by full name; depends on: titles in the same project.",
      "Importing the same list again updates by project code instead of duplicating; every import is checked first and written only when you confirm.",
      "No formulas, merged header cells, hidden sheets or passwords.");

  /** The battle map's list with lights and the period's figures. */
  static Workbook projects(JsonArray list, JsonObject figures, Period period, boolean en) {
    try (var w = new SheetWriter()) {
      var headers = new ArrayList<Header>();
      Column.of(Column.Sheet.PROJECTS).forEach(c -> headers.add(h(c, en)));
      headers.add(h("灯", "Light", 6, en));
      headers.add(h("灯的原因", "Why", 30, en));
      headers.add(h("预计开工", "Projected start", 13, en));
      headers.add(h("滞后（工作日）", "Slip (working days)", 12, en));
      headers.add(h("事项", "Obligations", 8, en));
      headers.add(h("在办", "Open", 8, en));
      headers.add(h("逾期", "Overdue", 8, en));
      headers.add(h("容缺逾期", "容缺 lapsed", 10, en));
      w.sheet(en ? "Projects" : "项目清单", headers);
      for (var o : list) {
        var p = (JsonObject) o;
        var row = new ArrayList<Object>();
        for (var c : Column.of(Column.Sheet.PROJECTS)) row.add(cell(p, c));
        row.add(lightWord(p.getString("light"), en));
        row.add(String.join(en ? "; " : "；", reasons(p.getJsonArray("lightReasons"))));
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
      return new Workbook((en ? "battle-map-" : "挂图作战-") + text + ".xlsx", w.bytes());
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
    return switch (light) {
      case "red" -> en ? "red" : "红";
      case "yellow" -> en ? "yellow" : "黄";
      case "green" -> en ? "green" : "绿";
      default -> light;
    };
  }

  private static List<String> reasons(JsonArray reasons) {
    if (reasons == null) return List.of();
    return reasons.stream().map(String::valueOf).toList();
  }

  /** The period's headline figures, one per row. */
  private static void figures(SheetWriter w, JsonObject k, boolean en) {
    w.sheet(en ? "Figures" : "指标", List.of(h("指标", "Figure", 30, en), h("数值", "Value", 14, en)));
    var pools = k.getJsonObject("pools");
    var rates = pools.getJsonObject("ratesPercent");
    var progress = k.getJsonObject("progress");
    var key = k.getJsonObject("keyProjects");
    var period = k.getJsonObject("period");
    w.row(en ? "Period" : "期间", period.getString("from") + " – " + period.getString("to"));
    w.row(en ? "Projects" : "项目数", k.getValue("projects"));
    w.row(en ? "Total investment (亿元)" : "总投资（亿元）", k.getValue("totalInvestmentYi"));
    w.row(en ? "Signed" : "签约", pools.getValue("signed"));
    w.row(en ? "Filed" : "备案", pools.getValue("filed"));
    w.row(en ? "Started" : "开工", pools.getValue("started"));
    w.row(en ? "Producing" : "投产", pools.getValue("producing"));
    w.row(en ? "Filed of signed (%)" : "备案率（%）", rates.getValue("filedOfSigned"));
    w.row(en ? "Started of filed (%)" : "开工率（备案）（%）", rates.getValue("startedOfFiled"));
    w.row(en ? "Producing of started (%)" : "投产率（%）", rates.getValue("producingOfStarted"));
    w.row(en ? "Key new projects started (%)" : "重点新开工项目开工率（%）", key.getValue("startRatePercent"));
    w.row(en ? "Newly signed (count)" : "新签约项目数", k.getJsonObject("newlySigned").getValue("count"));
    w.row(en ? "Newly signed (亿元)" : "新签约投资（亿元）", k.getJsonObject("newlySigned").getValue("investmentYi"));
    w.row(en ? "序时 expected (%)" : "序时进度（%）", progress.getValue("expectedPercent"));
    w.row(en ? "Actual progress (%)" : "实际进度（%）", progress.getValue("actualPercent"));
    w.row(en ? "拿地即开工, median days" : "拿地到开工中位天数", k.getJsonObject("landToStart").getValue("medianDays"));
  }

  /** 绩效考核: each department's record for the period, ranked. */
  static Workbook departments(JsonObject figures, Period period, boolean en) {
    try (var w = new SheetWriter()) {
      w.sheet(en ? "Departments" : "绩效考核", List.of(h("排名", "Rank", 6, en), h("单位", "Department", 24, en),
          h("得分", "Score", 8, en), h("到期事项", "Due", 8, en), h("已结", "Settled", 8, en), h("按时完成", "Done on time", 10, en),
          h("按时率（%）", "On time (%)", 10, en), h("受理中位（小时）", "Median hours to accept", 14, en),
          h("催办", "Reminders", 8, en), h("督办", "督办", 8, en), h("督办按时回复", "督办 answered on time", 14, en),
          h("延期申请", "Extensions", 10, en), h("容缺到期", "容缺 due", 10, en), h("容缺失效", "容缺 lapsed", 10, en),
          h("承担事项", "Owed", 10, en), h("已完成", "Done", 8, en), h("逾期", "Overdue", 8, en)));
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
      return new Workbook((en ? "department-scores-" : "绩效考核-") + period.text() + ".xlsx", w.bytes());
    }
  }

  /** 倒排序时: the schedule in latest-start order, the critical path marked. */
  static Workbook schedule(JsonObject project, JsonObject s, boolean en) {
    try (var w = new SheetWriter()) {
      w.sheet(en ? "Schedule" : "倒排序时", List.of(h("关键路径", "Critical", 8, en), h("事项", "Obligation", 30, en),
          h("责任单位", "Department", 20, en), h("状态", "Status", 10, en), h("工期（工作日）", "Duration (working days)", 12, en),
          h("完成时限", "Due on", 12, en), h("最早开始", "Earliest start", 12, en), h("最早完成", "Earliest finish", 12, en),
          h("最迟开始", "Latest start", 12, en), h("最迟完成", "Latest finish", 12, en), h("总时差（工作日）", "Total float", 12, en),
          h("前置事项", "Depends on", 30, en)));
      var titles = new HashMap<String, String>();
      s.getJsonArray("items").forEach(i -> titles.put(((JsonObject) i).getString("id"), ((JsonObject) i).getString("title")));
      for (var i : s.getJsonArray("items")) {
        var o = (JsonObject) i;
        boolean critical = Boolean.TRUE.equals(o.getBoolean("critical"));
        var deps = o.getJsonArray("dependsOn", new JsonArray()).stream().map(d -> titles.getOrDefault(String.valueOf(d), String.valueOf(d))).toList();
        var row = new ArrayList<Object>();
        row.add(critical ? (en ? "★ yes" : "★ 是") : "");
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
      return new Workbook((en ? "schedule-" : "倒排序时-") + code + ".xlsx", w.bytes());
    }
  }

  /** A meeting's decisions (会议纪要) and the obligations each created. */
  static Workbook minutes(JsonObject m, ZoneId zone, boolean en) {
    var shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    try (var w = new SheetWriter()) {
      w.sheet(en ? "Decisions" : "会议纪要", List.of(h("序号", "No.", 6, en), h("决定时间", "Decided at", 17, en),
          h("决定事项", "Decision", 50, en), h("交办事项", "Obligation created", 30, en), h("责任单位", "Department", 20, en),
          h("完成时限", "Due on", 12, en), h("状态", "Status", 10, en)));
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
      return new Workbook((en ? "minutes-" : "会议纪要-") + meeting.getString("id") + ".xlsx", w.bytes());
    }
  }
}

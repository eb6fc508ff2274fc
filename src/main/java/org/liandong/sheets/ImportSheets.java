package org.liandong.sheets;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.liandong.domain.Level;
import org.liandong.domain.Stage;
import org.liandong.sheets.Column.Kind;
import org.liandong.sheets.WorkbookReader.Cell;
import org.liandong.sheets.WorkbookReader.Row;
import org.liandong.support.Text;

/**
 * A workbook's rows read as projects and obligations: each sheet is recognised by its header row
 * (the first of its first ten rows naming at least three known columns; title rows above it are
 * skipped), each cell read by its column's kind, every problem noted with its sheet, row and cell.
 * Nothing here looks at the graph ({@link ImportPlan} does).
 */
final class ImportSheets {
  private static final int HEADER_SEARCH = 10;
  private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");
  private static final Pattern DATE = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
  private static final Pattern NUMBER = Pattern.compile("^([+-]?[0-9][0-9,，]*(?:\\.[0-9]+)?)\\s*(.*)$");

  /** A project row as the sheet gives it: only the columns present (null: empty cell). */
  record ProjectDraft(String sheet, int row, Map<String, Object> fields, List<String> champions, String liaison, boolean liaisonGiven,
                      boolean championsGiven) {
    String code() {
      return (String) fields.get("code");
    }
  }

  record ObligationDraft(String sheet, int row, String projectCode, String title, String track, String department,
                         Long durationDays, LocalDate dueOn, List<String> dependsOn, Map<Column, String> cells) {}

  record Read(List<ProjectDraft> projects, List<ObligationDraft> obligations, List<Problem> problems, int rows) {}

  private final boolean date1904;
  private final List<Problem> problems = new ArrayList<>();

  private ImportSheets(boolean date1904) {
    this.date1904 = date1904;
  }

  static Read read(WorkbookReader.Workbook book) {
    var sheets = new ImportSheets(book.date1904());
    var projects = new ArrayList<ProjectDraft>();
    var obligations = new ArrayList<ObligationDraft>();
    int rows = 0;
    boolean any = false;
    for (var sheet : book.sheets()) {
      var header = sheets.header(sheet);
      if (header == null) continue;
      any = true;
      for (var row : sheet.rows()) {
        if (row.number() <= header.row || row.blank()) continue;
        rows++;
        if (header.kind == Column.Sheet.PROJECTS) projects.add(sheets.project(sheet.name(), row, header.columns));
        else obligations.add(sheets.obligation(sheet.name(), row, header.columns));
      }
    }
    if (!any) {
      sheets.problems.add(new Problem(null, 0, null, null, Text.of(
          "no sheet has a header row this import knows (项目编号, 项目名称, … or 事项, 责任单位, …): download the template",
          "没有工作表含可识别的表头（项目编号、项目名称……或事项、责任单位……）：请下载模板")));
    }
    return new Read(projects, obligations, sheets.problems, rows);
  }

  private record Header(int row, Column.Sheet kind, Map<Integer, Column> columns) {}

  /** The sheet's header row and what each column holds; null for a sheet that is neither (a note, a chart's data). */
  private Header header(WorkbookReader.Sheet sheet) {
    int seen = 0;
    for (var row : sheet.rows()) {
      if (++seen > HEADER_SEARCH) break;
      for (var kind : Column.Sheet.values()) {
        var columns = new LinkedHashMap<Integer, Column>();
        for (var cell : row.cells().values()) {
          var column = Column.named(kind, cell.text());
          if (column != null && !columns.containsValue(column)) columns.put(cell.column(), column);
        }
        boolean isIt = kind == Column.Sheet.PROJECTS ? columns.containsValue(Column.NAME) && columns.size() >= 3
            : columns.containsValue(Column.TITLE) && columns.size() >= 3;
        if (!isIt) continue;
        // a sheet of obligations also names its project code: do not take it for a project list
        if (kind == Column.Sheet.PROJECTS && columns.size() < 4 && row.cells().values().stream()
            .anyMatch(c -> Column.named(Column.Sheet.OBLIGATIONS, c.text()) == Column.TITLE)) continue;
        for (var cell : row.cells().values()) {
          if (cell.merged()) {
            problems.add(new Problem(sheet.name(), row.number(), cell.ref(), null, Text.of(
                "the header row has merged cells: unmerge them so each column has its own header",
                "表头有合并单元格：请取消合并，使每列各有表头")));
            break;
          }
        }
        for (var required : Column.of(kind)) {
          if (required.required && !columns.containsValue(required)) {
            problems.add(new Problem(sheet.name(), row.number(), null, required.field, Text.of(
                "the column “" + required.en() + "” (" + required.zh() + ") is missing", "缺少“" + required.zh() + "”列")));
          }
        }
        return new Header(row.number(), kind, columns);
      }
    }
    return null;
  }

  private ProjectDraft project(String sheet, Row row, Map<Integer, Column> columns) {
    var fields = new LinkedHashMap<String, Object>();
    List<String> champions = null;
    String liaison = null;
    boolean liaisonGiven = false;
    for (var entry : columns.entrySet()) {
      var column = entry.getValue();
      var cell = row.cells().get(entry.getKey());
      var value = value(sheet, row, cell, column);
      if (value == Missing.BAD) continue;
      if (column == Column.CHAMPIONS) {
        @SuppressWarnings("unchecked")
        var given = value == null ? List.<String>of() : (List<String>) value;
        champions = given;
      } else if (column == Column.LIAISON) {
        liaisonGiven = true;
        liaison = (String) value;
      } else if (value == null) {
        if (column.required) missing(sheet, row, entry.getKey(), column);
        else fields.put(column.field, null);
      } else {
        fields.put(column.field, value);
      }
    }
    return new ProjectDraft(sheet, row.number(), fields, champions, liaison, liaisonGiven, champions != null);
  }

  private ObligationDraft obligation(String sheet, Row row, Map<Integer, Column> columns) {
    var values = new EnumMap<Column, Object>(Column.class);
    var texts = new EnumMap<Column, String>(Column.class);
    for (var entry : columns.entrySet()) {
      var column = entry.getValue();
      var cell = row.cells().get(entry.getKey());
      if (cell != null) texts.put(column, cell.text());
      var value = value(sheet, row, cell, column);
      if (value == Missing.BAD) continue;
      if (value == null && column.required) missing(sheet, row, entry.getKey(), column);
      values.put(column, value);
    }
    @SuppressWarnings("unchecked")
    var depends = (List<String>) values.get(Column.DEPENDS_ON);
    return new ObligationDraft(sheet, row.number(), (String) values.get(Column.OBLIGATION_PROJECT), (String) values.get(Column.TITLE),
        (String) values.get(Column.TRACK), (String) values.get(Column.DEPARTMENT), (Long) values.get(Column.DURATION),
        (LocalDate) values.get(Column.DUE), depends == null ? List.of() : depends, texts);
  }

  private void missing(String sheet, Row row, int column, Column c) {
    var ref = org.apache.poi.ss.util.CellReference.convertNumToColString(column) + row.number();
    problems.add(new Problem(sheet, row.number(), ref, c.field, Text.of(c.en() + " is required", "“" + c.zh() + "”必填")));
  }

  /** A marker: the cell was wrong (already noted). */
  private enum Missing { BAD }

  /** The cell's value for its column, null when empty, {@link Missing#BAD} when wrong (and the problem noted). */
  private Object value(String sheet, Row row, Cell cell, Column column) {
    if (cell == null) return null;
    if (cell.formula()) {
      return bad(sheet, cell, column, "holds a formula: paste its value instead (Paste Special › Values)",
          "含公式：请改为粘贴数值（选择性粘贴 › 数值）");
    }
    var text = cell.text() == null ? "" : cell.text().strip();
    if (text.isEmpty()) return null;
    int max = column.kind == Kind.LONG_TEXT ? 2000 : column.kind == Kind.CODE ? 40 : column.kind == Kind.TITLES ? 2000 : 200;
    if (text.length() > max) {
      return bad(sheet, cell, column, "is longer than " + max + " characters", "超过 " + max + " 个字符");
    }
    return switch (column.kind) {
      case CODE -> CODE.matcher(text).matches() ? text
          : bad(sheet, cell, column, "“" + text + "” is not a code (letters, digits, . _ -, starting with a letter or digit)",
              "“" + text + "”不是有效编号（字母、数字及 . _ -，以字母或数字开头）");
      case TEXT, LONG_TEXT, PERSON -> text;
      case PEOPLE, TITLES -> names(text);
      case YI -> amount(sheet, cell, column, text, 100_000);
      case MU -> amount(sheet, cell, column, text, 1_000_000);
      case DAYS -> days(sheet, cell, column, text);
      case DATE -> date(sheet, cell, column, text);
      case BOOL -> bool(sheet, cell, column, text);
      case STAGE -> {
        for (var s : Stage.values()) if (s.zh.equals(text) || s.en.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) yield s.name();
        yield bad(sheet, cell, column, "“" + text + "” is not a stage: " + String.join(", ", stageWords(false)),
            "“" + text + "”不是项目阶段，可填：" + String.join("、", stageWords(true)));
      }
      case LEVEL -> {
        for (var l : Level.values()) if (l.zh.equals(text) || l.en.equalsIgnoreCase(text) || l.name().equalsIgnoreCase(text)
            || l.zh.replace("级", "").equals(text)) yield l.name();
        yield bad(sheet, cell, column, "“" + text + "” is not a level: province, city or district",
            "“" + text + "”不是项目级别，可填：省级、市级、区级");
      }
      case TRACK -> {
        var track = track(text);
        yield track != null ? track : bad(sheet, cell, column, "“" + text + "” is not a track: land, site, permits or need",
            "“" + text + "”不是条线，可填：土地、场地、证照、诉求");
      }
    };
  }

  private static List<String> stageWords(boolean zh) {
    return java.util.Arrays.stream(Stage.values()).map(s -> zh ? s.zh : s.en).toList();
  }

  private Object bad(String sheet, Cell cell, Column column, String en, String zh) {
    problems.add(new Problem(sheet, cell.row(), cell.ref(), column.field, Text.of(column.en() + " " + en, "“" + column.zh() + "”" + zh)));
    return Missing.BAD;
  }

  /** Names separated by 、，, ; or a line break. */
  static List<String> names(String text) {
    var out = new ArrayList<String>();
    for (var part : text.split("[、,，;；\\n/]+")) {
      var name = part.strip();
      if (!name.isEmpty() && !out.contains(name)) out.add(name);
    }
    return out;
  }

  /** 20, 20亿元, 20 亿, 5000万元 (0.5 亿), 243.82亩, 1,200: within 0 and {@code max}. */
  private Object amount(String sheet, Cell cell, Column column, String text, double max) {
    Double value = cell.number() != null && !cell.date() ? cell.number() : null;
    if (value == null) {
      var m = NUMBER.matcher(text.replace(" ", ""));
      if (m.matches()) {
        var unit = m.group(2);
        var number = Double.parseDouble(m.group(1).replace(",", "").replace("，", ""));
        if (column.kind == Kind.YI && (unit.isEmpty() || unit.equals("亿") || unit.equals("亿元"))) value = number;
        else if (column.kind == Kind.YI && (unit.equals("万") || unit.equals("万元"))) value = number / 10_000;
        else if (column.kind == Kind.MU && (unit.isEmpty() || unit.equals("亩"))) value = number;
      }
    }
    if (value == null || value.isNaN() || value.isInfinite()) {
      return bad(sheet, cell, column, "“" + text + "” is not a number" + (column.kind == Kind.YI ? " of 亿元 (20, 20亿元, 5000万元)" : " of 亩 (243.82, 243.82亩)"),
          "“" + text + "”不是数字" + (column.kind == Kind.YI ? "（亿元，如 20、20亿元、5000万元）" : "（亩，如 243.82、243.82亩）"));
    }
    if (value < 0 || value > max) {
      return bad(sheet, cell, column, "must be between 0 and " + (long) max, "须在 0 到 " + (long) max + " 之间");
    }
    return BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().doubleValue();
  }

  private Object days(String sheet, Cell cell, Column column, String text) {
    Double value = cell.number() != null && !cell.date() ? cell.number() : null;
    if (value == null) {
      var m = NUMBER.matcher(text.replace(" ", ""));
      if (m.matches() && List.of("", "天", "日", "个工作日", "工作日", "days", "d").contains(m.group(2))) value = Double.parseDouble(m.group(1).replace(",", ""));
    }
    if (value == null || value != Math.rint(value)) {
      return bad(sheet, cell, column, "“" + text + "” is not a whole number of working days", "“" + text + "”不是整数个工作日");
    }
    if (value < 0 || value > 3650) return bad(sheet, cell, column, "must be between 0 and 3650", "须在 0 到 3650 之间");
    return value.longValue();
  }

  /** An Excel date, or yyyy-MM-dd (also 2026/3/1, 2026.3.1, 2026年3月1日) that exists, between 1990 and 2100. */
  private Object date(String sheet, Cell cell, Column column, String text) {
    LocalDate date = null;
    if (cell.number() != null) {
      // a date cell, or a serial that lost its format
      if (cell.number() >= 32_874 && cell.number() < 73_051) date = cell.localDate(date1904);
    } else {
      var m = DATE.matcher(text);
      if (m.matches()) {
        try {
          date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
          return bad(sheet, cell, column, "“" + text + "” is not a date that exists", "“" + text + "”不是存在的日期");
        }
      }
    }
    if (date == null) {
      return bad(sheet, cell, column, "“" + text + "” is not a date: use an Excel date or yyyy-MM-dd", "“" + text + "”不是日期：请用 Excel 日期或 yyyy-MM-dd");
    }
    if (date.getYear() < 1990 || date.getYear() > 2100) {
      return bad(sheet, cell, column, "must be between 1990 and 2100", "须在 1990 年至 2100 年之间");
    }
    return date;
  }

  private Object bool(String sheet, Cell cell, Column column, String text) {
    var t = text.toLowerCase(java.util.Locale.ROOT);
    if (List.of("是", "y", "yes", "true", "1", "√", "✓", "新开工", "新建", "新").contains(t)) return true;
    if (List.of("否", "n", "no", "false", "0", "×", "续建", "").contains(t)) return false;
    return bad(sheet, cell, column, "“" + text + "” is not yes or no (是 / 否)", "“" + text + "”须填“是”或“否”");
  }

  /** A track by its words, or null. */
  private static String track(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "land", "土地", "用地", "要地", "土地线" -> "land";
      case "site", "场地", "现场", "场地线", "施工" -> "site";
      case "permits", "permit", "证照", "审批", "证照线", "手续" -> "permits";
      case "need", "needs", "诉求", "需求", "企业诉求" -> "need";
      default -> null;
    };
  }
}

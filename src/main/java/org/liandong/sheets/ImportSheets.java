package org.liandong.sheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.liandong.sheets.WorkbookReader.Row;
import org.liandong.support.Text;

/**
 * A workbook's rows read as projects and obligations: each sheet is recognised by its header row
 * (the first of its first ten rows naming at least three known columns; title rows above it are
 * skipped), each cell read by its column's kind ({@link CellValues}), every problem noted with its sheet, row and cell.
 * Nothing here looks at the graph ({@link ImportPlan} does).
 */
final class ImportSheets {
  private static final int HEADER_SEARCH = 10;

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

  private final List<Problem> problems = new ArrayList<>();
  private final CellValues values;

  private ImportSheets(boolean date1904) {
    this.values = new CellValues(date1904, problems);
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
      sheets.problems.add(new Problem(null, 0, null, null, Text.key("server.sheets.noSheetHasHeader")));
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
            problems.add(new Problem(sheet.name(), row.number(), cell.ref(), null, Text.key("server.sheets.headerRowHasMerged")));
            break;
          }
        }
        for (var required : Column.of(kind)) {
          if (required.required && !columns.containsValue(required)) {
            problems.add(new Problem(sheet.name(), row.number(), null, required.field, Text.key("server.sheets.columnMissing", "required", required.en(), "required2", required.zh())));
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
      var value = values.of(sheet, row, cell, column);
      if (value == CellValues.BAD) continue;
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
    var found = new EnumMap<Column, Object>(Column.class);
    var texts = new EnumMap<Column, String>(Column.class);
    for (var entry : columns.entrySet()) {
      var column = entry.getValue();
      var cell = row.cells().get(entry.getKey());
      if (cell != null) texts.put(column, cell.text());
      var value = values.of(sheet, row, cell, column);
      if (value == CellValues.BAD) continue;
      if (value == null && column.required) missing(sheet, row, entry.getKey(), column);
      found.put(column, value);
    }
    @SuppressWarnings("unchecked")
    var depends = (List<String>) found.get(Column.DEPENDS_ON);
    return new ObligationDraft(sheet, row.number(), (String) found.get(Column.OBLIGATION_PROJECT), (String) found.get(Column.TITLE),
        (String) found.get(Column.TRACK), (String) found.get(Column.DEPARTMENT), (Long) found.get(Column.DURATION),
        (LocalDate) found.get(Column.DUE), depends == null ? List.of() : depends, texts);
  }

  private void missing(String sheet, Row row, int column, Column c) {
    var ref = org.apache.poi.ss.util.CellReference.convertNumToColString(column) + row.number();
    problems.add(new Problem(sheet, row.number(), ref, c.field, Text.key("server.sheets.required", "c", Text.of(String.valueOf(c.en()), String.valueOf(c.zh())))));
  }

}

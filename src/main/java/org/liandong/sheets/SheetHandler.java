package org.liandong.sheets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.model.StylesTable;
import org.liandong.sheets.WorkbookReader.Cell;
import org.liandong.sheets.WorkbookReader.Progress;
import org.liandong.sheets.WorkbookReader.Row;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/** One sheet's XML: rows of cells, and the merged ranges (known only at the end of the sheet). */
final class SheetHandler extends DefaultHandler {
  private static final int PROGRESS_EVERY = 1000;

  /** More rows than allowed: thrown from the parse, turned into a 413 by the reader. */
  static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final int maxRows;
  private final int[] rowsSoFar;
  private final Progress progress;
  private final List<Row> rows = new ArrayList<>();
  private final List<int[]> merged = new ArrayList<>();
  private Map<Integer, Cell> cells;
  private int rowNumber;
  private int nextColumn;
  private String ref;
  private String type;
  private String style;
  private boolean formula;
  /** The cell's {@code <v>}, and its inline string's text ({@code <is><t>}, phonetic runs left out). */
  private final StringBuilder text = new StringBuilder();
  private final StringBuilder inline = new StringBuilder();
  private StringBuilder collecting;
  private boolean inInline;
  private boolean inPhonetic;

  SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, int maxRows, int[] rowsSoFar, Progress progress) {
    this.strings = strings;
    this.styles = styles;
    this.maxRows = maxRows;
    this.rowsSoFar = rowsSoFar;
    this.progress = progress;
  }

  @Override
  public void startElement(String uri, String local, String qName, Attributes a) {
    switch (local.isEmpty() ? qName : local) {
      case "row" -> {
        var r = a.getValue("r");
        rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
        cells = new LinkedHashMap<>();
        nextColumn = 0;
        if (++rowsSoFar[0] > maxRows) throw new TooManyRows();
        if (rowsSoFar[0] % PROGRESS_EVERY == 0 && progress != null) progress.rows(rowsSoFar[0]);
      }
      case "c" -> {
        ref = a.getValue("r");
        type = a.getValue("t");
        style = a.getValue("s");
        formula = false;
        text.setLength(0);
        inline.setLength(0);
      }
      case "v" -> collecting = text;
      case "is" -> inInline = true;
      case "rPh" -> inPhonetic = true;
      case "t" -> collecting = inInline && !inPhonetic ? inline : null;
      case "f" -> formula = true;
      case "mergeCell" -> {
        var range = a.getValue("ref");
        if (range != null && range.contains(":")) {
          var parts = range.split(":");
          var from = new CellReference(parts[0]);
          var to = new CellReference(parts[1]);
          merged.add(new int[] {from.getRow() + 1, from.getCol(), to.getRow() + 1, to.getCol()});
        }
      }
      default -> { }
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (collecting != null && collecting.length() < WorkbookReader.MAX_CELL_CHARS + 1) {
      collecting.append(ch, start, Math.min(length, WorkbookReader.MAX_CELL_CHARS + 1 - collecting.length()));
    }
  }

  @Override
  public void endElement(String uri, String local, String qName) {
    switch (local.isEmpty() ? qName : local) {
      case "v", "t" -> collecting = null;
      case "is" -> inInline = false;
      case "rPh" -> inPhonetic = false;
      case "c" -> cell();
      case "row" -> {
        if (!cells.isEmpty()) rows.add(new Row(rowNumber, cells));
        cells = null;
      }
      default -> { }
    }
  }

  private void cell() {
    int column = ref == null ? nextColumn : new CellReference(ref).getCol();
    nextColumn = column + 1;
    if (column >= WorkbookReader.MAX_COLUMNS || cells == null) return;
    String value = "inlineStr".equals(type) ? inline.toString() : text.toString();
    Double number = null;
    boolean date = false;
    if ("s".equals(type)) {
      value = value.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(value.trim())).getString();
    } else if ("b".equals(type)) {
      value = "1".equals(value) ? "TRUE" : "FALSE";
    } else if (type == null || "n".equals(type)) {
      if (!value.isEmpty()) {
        try {
          number = Double.valueOf(value);
        } catch (NumberFormatException e) {
          number = null;
        }
        if (number != null && style != null) {
          var s = styles.getStyleAt(Integer.parseInt(style));
          date = s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        }
      }
    }
    if (value.length() > WorkbookReader.MAX_CELL_CHARS) value = value.substring(0, WorkbookReader.MAX_CELL_CHARS + 1);
    if (value.isEmpty() && !formula) return;
    cells.put(column, new Cell(rowNumber, column, value, number, date, formula, false));
  }

  /** The rows, with every cell inside a merged range marked (the range's first cell holds its value). */
  List<Row> finish() {
    if (merged.isEmpty()) return rows;
    var byNumber = new HashMap<Integer, Row>();
    rows.forEach(r -> byNumber.put(r.number(), r));
    var out = new ArrayList<Row>(rows.size());
    for (var range : merged) {
      if (range[2] - range[0] > maxRows) throw new TooManyRows();
      for (int r = range[0]; r <= range[2]; r++) {
        var row = byNumber.computeIfAbsent(r, n -> new Row(n, new LinkedHashMap<>()));
        for (int c = range[1]; c <= Math.min(range[3], WorkbookReader.MAX_COLUMNS - 1); c++) {
          var cell = row.cells().get(c);
          row.cells().put(c, new Cell(r, c, cell == null ? "" : cell.text(), cell == null ? null : cell.number(),
              cell != null && cell.date(), cell != null && cell.formula(), true));
        }
      }
    }
    byNumber.values().stream().sorted(java.util.Comparator.comparingInt(Row::number)).forEach(out::add);
    return out;
  }
}

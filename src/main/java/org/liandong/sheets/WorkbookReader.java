package org.liandong.sheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.liandong.support.Failure;
import org.liandong.support.Text;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads an uploaded .xlsx as rows of cells, streaming each sheet's XML (SAX) so the memory it
 * takes is the rows kept, not the workbook's object model. It refuses, with a 4xx a person can
 * act on, whatever is not a plain workbook: another format, a password, a damaged or inflated
 * archive (a zip bomb), more rows than allowed, hidden sheets (what they hold would be imported
 * unseen). Formulas and merged cells are reported per cell by the import, which knows where
 * they matter. Blocking work: run it on a worker thread.
 */
public final class WorkbookReader {
  /** Cells past this column are not read (a sheet of ours has about twenty). */
  static final int MAX_COLUMNS = 64;
  /** A cell's text longer than this is cut here (and reported by the import as too long). */
  static final int MAX_CELL_CHARS = 10_000;

  /** What a cell held: its text as shown (numbers as Excel stores them), and whether it was a number, a date, a formula. */
  public record Cell(int row, int column, String text, Double number, boolean date, boolean formula, boolean merged) {
    /** A1-style address, for messages. */
    public String ref() {
      return CellReference.convertNumToColString(column) + row;
    }

    public LocalDate localDate(boolean date1904) {
      return number == null ? null : DateUtil.getLocalDateTime(number, date1904).toLocalDate();
    }
  }

  /** One row: its number as Excel shows it (from 1) and its cells by column (from 0). */
  public record Row(int number, Map<Integer, Cell> cells) {
    boolean blank() {
      return cells.values().stream().allMatch(c -> c.text() == null || c.text().isBlank());
    }
  }

  public record Sheet(String name, List<Row> rows) {}

  public record Workbook(List<Sheet> sheets, boolean date1904) {}

  /** Limits: rows over all sheets, and the largest part once unpacked. */
  public record Limits(int maxRows, long maxUnpackedBytes) {}

  /** The reader's progress: rows read so far (called now and then, from the reading thread). */
  public interface Progress {
    void rows(int read);
  }

  private static final int PROGRESS_EVERY = 1000;

  private WorkbookReader() {}

  public static Workbook read(byte[] bytes, Limits limits, Progress progress) {
    checkFormat(bytes);
    // a part that inflates more than 100 times its packed size, or beyond the limit, is refused while it is read
    ZipSecureFile.setMinInflateRatio(0.01);
    ZipSecureFile.setMaxEntrySize(limits.maxUnpackedBytes());
    try (var pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
      var reader = new XSSFReader(pkg);
      var book = new BookHandler();
      parse(reader.getWorkbookData(), book);
      var strings = new ReadOnlySharedStringsTable(pkg);
      var styles = reader.getStylesTable();
      var sheets = new ArrayList<Sheet>();
      var iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
      int[] rows = {0};
      while (iterator.hasNext()) {
        try (var in = iterator.next()) {
          var name = iterator.getSheetName();
          if (book.hidden.contains(name)) {
            throw bad(400, "the sheet “" + name + "” is hidden: unhide it (its rows would be imported unseen) or delete it",
                "工作表“" + name + "”被隐藏：请取消隐藏（否则其中的行会在看不到的情况下被导入）或删除该表");
          }
          var handler = new SheetHandler(strings, styles, limits.maxRows(), rows, progress);
          parse(in, handler);
          sheets.add(new Sheet(name, handler.finish()));
        }
      }
      return new Workbook(sheets, book.date1904);
    } catch (Failure f) {
      throw f;
    } catch (TooManyRows e) {
      throw bad(413, "the workbook has more than " + limits.maxRows() + " rows: split it into several imports",
          "工作簿超过 " + limits.maxRows() + " 行：请拆分为多次导入");
    } catch (EncryptedDocumentException e) {
      throw passwordProtected();
    } catch (NotOfficeXmlFileException | org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
      throw notXlsx();
    } catch (IOException | SAXException | RuntimeException e) {
      if (bomb(e)) {
        throw bad(413, "the workbook unpacks to far more than its size (a zip bomb, or a part over "
            + limits.maxUnpackedBytes() / (1024 * 1024) + " MB): it is not read",
            "工作簿解压后远大于其文件（疑似压缩炸弹，或某部分超过 " + limits.maxUnpackedBytes() / (1024 * 1024) + " MB）：不予读取");
      }
      throw bad(400, "the workbook is damaged and cannot be read: open it in Excel, save it again as .xlsx and retry",
          "工作簿已损坏，无法读取：请在 Excel 中打开、另存为 .xlsx 后重试");
    }
  }

  private static boolean bomb(Throwable e) {
    for (var t = e; t != null; t = t.getCause()) {
      var m = String.valueOf(t.getMessage());
      if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the maximum") || m.contains("MaxEntrySize")) return true;
    }
    return false;
  }

  /** An .xlsx is a zip; an old .xls or a password-protected .xlsx is an OLE2 container; anything else is not a workbook. */
  private static void checkFormat(byte[] bytes) {
    FileMagic magic;
    try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
      magic = FileMagic.valueOf(in);
    } catch (IOException e) {
      throw notXlsx();
    }
    if (magic == FileMagic.OOXML) return;
    if (magic == FileMagic.OLE2) {
      try (var fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
        if (fs.getRoot().hasEntry("EncryptionInfo") || fs.getRoot().hasEntry("EncryptedPackage")) throw passwordProtected();
      } catch (IOException e) {
        throw notXlsx();
      }
      throw bad(415, "this is an old Excel 97–2003 workbook (.xls): save it as .xlsx and retry",
          "这是旧版 Excel 97–2003 工作簿（.xls）：请另存为 .xlsx 后重试");
    }
    throw notXlsx();
  }

  private static Failure passwordProtected() {
    return bad(400, "the workbook is password-protected: remove the password (File › Info › Protect Workbook) and retry",
        "工作簿设有密码：请先取消密码保护（文件 › 信息 › 保护工作簿）后重试");
  }

  private static Failure notXlsx() {
    return bad(415, "the file is not an Excel workbook (.xlsx): download the template and fill it in",
        "该文件不是 Excel 工作簿（.xlsx）：请下载模板填写");
  }

  static Failure bad(int status, String en, String zh) {
    return new Failure.Invalid(status, Map.of("file", Text.of(en, zh)));
  }

  private static void parse(InputStream in, DefaultHandler handler) throws IOException, SAXException {
    try {
      var xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class TooManyRows extends RuntimeException {
    TooManyRows() {
      super(null, null, false, false);
    }
  }

  /** workbook.xml: which sheets are hidden, and the date system. */
  private static final class BookHandler extends DefaultHandler {
    final java.util.Set<String> hidden = new java.util.HashSet<>();
    boolean date1904;

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      var name = local.isEmpty() ? qName : local;
      if (name.equals("sheet") && a.getValue("state") != null && !"visible".equals(a.getValue("state"))) hidden.add(a.getValue("name"));
      if (name.equals("workbookPr")) date1904 = "1".equals(a.getValue("date1904")) || "true".equals(a.getValue("date1904"));
    }
  }

  /** One sheet's XML: rows of cells, and the merged ranges (known only at the end of the sheet). */
  private static final class SheetHandler extends DefaultHandler {
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
      if (collecting != null && collecting.length() < MAX_CELL_CHARS + 1) {
        collecting.append(ch, start, Math.min(length, MAX_CELL_CHARS + 1 - collecting.length()));
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
      if (column >= MAX_COLUMNS || cells == null) return;
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
      if (value.length() > MAX_CELL_CHARS) value = value.substring(0, MAX_CELL_CHARS + 1);
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
          for (int c = range[1]; c <= Math.min(range[3], MAX_COLUMNS - 1); c++) {
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
}

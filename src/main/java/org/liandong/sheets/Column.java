package org.liandong.sheets;

import java.util.List;
import java.util.Locale;

/**
 * The columns the import reads and the export and template write, each recognised by its header
 * (Chinese or English, with or without its unit in brackets: 总投资（亿元）, Investment (亿元)),
 * never by its position. The first header is the template's.
 */
public enum Column {
  // the project list (重大项目清单)
  CODE(Sheet.PROJECTS, "code", Kind.CODE, true, 14, "项目编号", "Code", "编号", "项目代码", "project code"),
  NAME(Sheet.PROJECTS, "name", Kind.TEXT, true, 30, "项目名称", "Name", "名称", "project", "project name"),
  COMPANY(Sheet.PROJECTS, "company", Kind.TEXT, true, 24, "建设单位", "Company", "企业名称", "项目单位", "企业", "实施主体"),
  INVESTMENT(Sheet.PROJECTS, "investmentYi", Kind.YI, true, 12, "总投资（亿元）", "Investment (亿元)", "总投资", "计划总投资", "投资额", "投资", "investment"),
  LAND(Sheet.PROJECTS, "landMu", Kind.MU, false, 12, "用地（亩）", "Land (亩)", "用地", "用地面积", "土地", "land"),
  STAGE(Sheet.PROJECTS, "stage", Kind.STAGE, true, 10, "阶段", "Stage", "项目阶段", "当前阶段"),
  LEVEL(Sheet.PROJECTS, "level", Kind.LEVEL, true, 10, "级别", "Level", "项目级别", "层级"),
  NEW(Sheet.PROJECTS, "new", Kind.BOOL, false, 10, "新开工", "New", "是否新开工", "新建", "是否新建", "new project"),
  SIGNED(Sheet.PROJECTS, "signedOn", Kind.DATE, true, 13, "签约日期", "Signed on", "签约时间", "signed"),
  TARGET_START(Sheet.PROJECTS, "targetStartOn", Kind.DATE, false, 13, "计划开工日期", "Target start", "计划开工", "target start on"),
  TARGET_COMPLETE(Sheet.PROJECTS, "targetCompleteOn", Kind.DATE, false, 13, "计划竣工日期", "Target completion", "计划竣工", "计划完工", "target complete on"),
  STARTED(Sheet.PROJECTS, "startedOn", Kind.DATE, false, 13, "开工日期", "Started on", "实际开工日期", "实际开工", "started"),
  CHAMPIONS(Sheet.PROJECTS, "champions", Kind.PEOPLE, false, 20, "挂钩领导", "Champions", "包挂领导", "领导", "champion"),
  LIAISON(Sheet.PROJECTS, "liaison", Kind.PERSON, false, 14, "联络员", "Liaison", "服务专员", "项目专员"),
  DESCRIPTION(Sheet.PROJECTS, "description", Kind.LONG_TEXT, false, 40, "项目简介", "Description", "简介", "建设内容"),
  // the obligations (事项清单): one sheet, each row naming its project by code
  OBLIGATION_PROJECT(Sheet.OBLIGATIONS, "projectCode", Kind.CODE, true, 14, "项目编号", "Project code", "编号", "项目代码", "code"),
  TITLE(Sheet.OBLIGATIONS, "title", Kind.TEXT, true, 30, "事项", "Title", "事项名称", "任务", "工作事项", "obligation"),
  TRACK(Sheet.OBLIGATIONS, "track", Kind.TRACK, true, 10, "条线", "Track", "线", "类别"),
  DEPARTMENT(Sheet.OBLIGATIONS, "department", Kind.TEXT, true, 20, "责任单位", "Department", "责任部门", "部门", "owing department"),
  DURATION(Sheet.OBLIGATIONS, "durationDays", Kind.DAYS, false, 14, "工期（工作日）", "Duration (working days)", "工期", "工作日", "历时", "duration"),
  DUE(Sheet.OBLIGATIONS, "dueOn", Kind.DATE, false, 13, "完成时限", "Due on", "截止日期", "时限", "due"),
  DEPENDS_ON(Sheet.OBLIGATIONS, "dependsOn", Kind.TITLES, false, 30, "前置事项", "Depends on", "前置", "依赖事项");

  public enum Sheet { PROJECTS, OBLIGATIONS }

  /** How a cell of the column is read. */
  public enum Kind { CODE, TEXT, LONG_TEXT, YI, MU, STAGE, LEVEL, BOOL, DATE, PEOPLE, PERSON, TRACK, DAYS, TITLES }

  public final Sheet sheet;
  public final String field;
  public final Kind kind;
  public final boolean required;
  /** The column's width in the template and exports, in characters. */
  public final int width;
  private final List<String> headers;

  Column(Sheet sheet, String field, Kind kind, boolean required, int width, String... headers) {
    this.sheet = sheet;
    this.field = field;
    this.kind = kind;
    this.required = required;
    this.width = width;
    this.headers = List.of(headers);
  }

  public String zh() {
    return headers.get(0);
  }

  public String en() {
    return headers.get(1);
  }

  public static List<Column> of(Sheet sheet) {
    return java.util.Arrays.stream(values()).filter(c -> c.sheet == sheet).toList();
  }

  /** The column of this sheet that holds {@code field} (a field the API names: championIds is the champions' column), or null. */
  public static Column holding(Sheet sheet, String field) {
    var name = switch (field) {
      case "championIds" -> "champions";
      case "liaisonId" -> "liaison";
      case "departmentId" -> "department";
      default -> field;
    };
    return of(sheet).stream().filter(c -> c.field.equals(name)).findFirst().orElse(null);
  }

  /** The column of this sheet a header names, or null. */
  public static Column named(Sheet sheet, String header) {
    var key = normal(header);
    if (key.isEmpty()) return null;
    for (var c : of(sheet)) {
      for (var h : c.headers) if (normal(h).equals(key)) return c;
    }
    return null;
  }

  /** Without spaces, case, a trailing unit in brackets, an asterisk marking it required. */
  static String normal(String header) {
    if (header == null) return "";
    var s = header.replaceAll("[（(][^）)]*[）)]", "").replace("*", "").replace("＊", "");
    return s.replaceAll("[\\s\\u3000_]+", "").toLowerCase(Locale.ROOT);
  }
}

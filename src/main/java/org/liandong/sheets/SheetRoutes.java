package org.liandong.sheets;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.liandong.access.CurrentUser;
import org.liandong.domain.Period;
import org.liandong.support.Failure;
import org.liandong.support.Query;
import org.liandong.support.Responses;
import org.liandong.support.Routes;
import org.liandong.support.Text;

/** Workbooks in (a dry run, then its commit, or a cancel) and out (the template and the exports). */
public final class SheetRoutes implements Routes {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ImportService imports;
  private final ExportService exports;
  private final Clock clock;

  public SheetRoutes(ImportService imports, ExportService exports, Clock clock) {
    this.imports = imports;
    this.exports = exports;
    this.clock = clock;
  }

  @Override
  public void mount(Operations api) {
    api.on("importTemplate", ctx -> send(ctx, exports.template(CurrentUser.of(ctx), english(ctx))))
        .on("checkImport", ctx -> imports.dryRun(CurrentUser.of(ctx), file(ctx), Query.of(ctx).text("upload"))
            .onSuccess(ctx::json).onFailure(ctx::fail))
        .on("commitImport", ctx -> imports.commit(CurrentUser.of(ctx), ctx.pathParam("id"), file(ctx), Query.of(ctx).text("upload"))
            .onSuccess(ctx::json).onFailure(ctx::fail))
        .on("cancelImport", ctx -> {
          imports.cancel(CurrentUser.of(ctx), ctx.pathParam("upload"));
          Responses.noContent(ctx);
        })
        .on("exportProjects", ctx -> send(ctx, exports.projects(CurrentUser.of(ctx), period(ctx), english(ctx))))
        .on("exportDepartments", ctx -> send(ctx, exports.departments(CurrentUser.of(ctx), period(ctx), english(ctx))))
        .on("exportSchedule", ctx -> send(ctx, exports.schedule(CurrentUser.of(ctx), ctx.pathParam("id"), english(ctx))))
        .on("exportMinutes", ctx -> send(ctx, exports.minutes(CurrentUser.of(ctx), ctx.pathParam("id"), english(ctx))));
  }

  private static boolean english(RoutingContext ctx) {
    return "en".equals(Query.of(ctx).text("lang"));
  }

  /** The period asked for, or this year (the server's today: the demo's in the demo). */
  private Period period(RoutingContext ctx) {
    var text = Query.of(ctx).text("period");
    return text != null ? Period.parse("period", text) : Period.year(LocalDate.now(clock).getYear());
  }

  /** The workbook sent as the request's body. */
  private static byte[] file(RoutingContext ctx) {
    var body = ctx.body() == null ? null : ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw Failure.invalid("file", Text.key("server.sheets.sendWorkbookXlsxRequest"));
    }
    return body.getBytes();
  }

  private static void send(RoutingContext ctx, io.vertx.core.Future<ExportService.Workbook> workbook) {
    workbook.onSuccess(w -> ctx.response()
        .putHeader("Content-Type", XLSX)
        .putHeader("Content-Disposition", "attachment; filename=\"" + w.filename().replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
            + URLEncoder.encode(w.filename(), StandardCharsets.UTF_8).replace("+", "%20"))
        .putHeader("Cache-Control", "no-store")
        .end(Buffer.buffer(w.bytes()))).onFailure(ctx::fail);
  }
}

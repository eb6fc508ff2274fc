package org.liandong.sheets;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.LocalDate;
import org.liandong.access.Action;
import org.liandong.access.CurrentUser;
import org.liandong.access.Policy;
import org.liandong.domain.Period;
import org.liandong.kpis.KpiService;
import org.liandong.meetings.MeetingService;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.ScheduleService;
import org.liandong.storage.Graph;

/**
 * The workbooks a leader is handed: the battle map's list (the import template's columns, so a
 * downloaded list imports again unchanged, then each project's light and figures, and a sheet of
 * the period's figures), the departments' 绩效考核, a project's 倒排序时 schedule with its critical
 * path marked, and a meeting's decisions with the obligations they created. Headers in Chinese
 * (English with {@code lang=en}); times in the server's zone.
 */
public final class ExportService {
  /** What a download is: its file name and bytes. */
  public record Workbook(String filename, byte[] bytes) {}

  private final Vertx vertx;
  private final Graph graph;
  private final Policy policy;
  private final Clock clock;
  private final ProjectService projects;
  private final KpiService kpis;
  private final ScheduleService schedules;
  private final MeetingService meetings;

  public ExportService(Vertx vertx, Graph graph, Policy policy, Clock clock, ProjectService projects, KpiService kpis,
                       ScheduleService schedules, MeetingService meetings) {
    this.vertx = vertx;
    this.graph = graph;
    this.policy = policy;
    this.clock = clock;
    this.projects = projects;
    this.kpis = kpis;
    this.schedules = schedules;
    this.meetings = meetings;
  }

  /** The template: the two sheets' headers, with two example projects and their obligations (named after this graph's departments and leaders). */
  Future<Workbook> template(CurrentUser user, boolean en) {
    policy.require(user, Action.MANAGE_PROJECTS);
    return ImportRepository.exampleNames(graph).compose(names -> vertx.executeBlocking(
        () -> ExportSheets.template(en, LocalDate.now(clock).getYear(), names.department(), names.leader()), false));
  }

  /** The battle map's list with lights and the period's figures. */
  Future<Workbook> projects(CurrentUser user, Period period, boolean en) {
    policy.require(user, Action.READ);
    return projects.everyProject().compose(list -> kpis.overview(period).compose(figures -> vertx.executeBlocking(() -> ExportSheets.projects(list, figures, period, en), false)));
  }

  /** 绩效考核: each department's record for the period, ranked. */
  Future<Workbook> departments(CurrentUser user, Period period, boolean en) {
    policy.require(user, Action.READ);
    return kpis.overview(period).compose(figures -> vertx.executeBlocking(() -> ExportSheets.departments(figures, period, en), false));
  }

  /** 倒排序时: the schedule in latest-start order, the critical path marked. */
  Future<Workbook> schedule(CurrentUser user, String projectId, boolean en) {
    policy.require(user, Action.READ);
    return projects.one(projectId).compose(project -> schedules.schedule(projectId).compose(s -> vertx.executeBlocking(() -> ExportSheets.schedule(project, s, en), false)));
  }

  /** A meeting's decisions (会议纪要) and the obligations each created. */
  Future<Workbook> minutes(CurrentUser user, String meetingId, boolean en) {
    policy.require(user, Action.READ);
    return meetings.minutes(meetingId).compose(m -> vertx.executeBlocking(() -> ExportSheets.minutes(m, clock.getZone(), en), false));
  }
}

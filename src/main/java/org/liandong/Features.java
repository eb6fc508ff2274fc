package org.liandong;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.liandong.access.Policy;
import org.liandong.accounts.AccountRoutes;
import org.liandong.accounts.AccountService;
import org.liandong.accounts.AuthHandler;
import org.liandong.chase.ChaseRules;
import org.liandong.chase.Chaser;
import org.liandong.config.AppConfig;
import org.liandong.console.ConsoleRoutes;
import org.liandong.console.ConsoleService;
import org.liandong.demo.DemoLoader;
import org.liandong.departments.DepartmentRoutes;
import org.liandong.departments.DepartmentService;
import org.liandong.domain.WorkCalendar;
import org.liandong.history.HistoryRoutes;
import org.liandong.history.HistoryService;
import org.liandong.kpis.KpiRoutes;
import org.liandong.kpis.KpiService;
import org.liandong.kpis.WorkGauges;
import org.liandong.live.LiveEndpoint;
import org.liandong.live.LivePublisher;
import org.liandong.live.LiveVerticle;
import org.liandong.meetings.AgendaDraft;
import org.liandong.meetings.MeetingRoutes;
import org.liandong.meetings.MeetingService;
import org.liandong.meetings.SincePrevious;
import org.liandong.meta.MetaRoutes;
import org.liandong.notices.NoticeRoutes;
import org.liandong.notices.NoticeService;
import org.liandong.obligations.ObligationRoutes;
import org.liandong.obligations.ObligationService;
import org.liandong.obligations.Replan;
import org.liandong.obligations.Requests;
import org.liandong.obligations.TrackTemplates;
import org.liandong.projects.ProjectRoutes;
import org.liandong.projects.ProjectService;
import org.liandong.schedule.ScheduleRoutes;
import org.liandong.schedule.ScheduleService;
import org.liandong.sheets.ExportService;
import org.liandong.sheets.ImportService;
import org.liandong.sheets.SheetRoutes;
import org.liandong.storage.Graph;
import org.liandong.storage.Retention;
import org.liandong.storage.Leases;
import org.liandong.storage.Every;
import org.liandong.support.Routes;
import org.liandong.templates.TemplateFiles;
import org.liandong.templates.TemplateRoutes;
import org.liandong.templates.TemplateService;
import org.liandong.web.Contract;
import org.liandong.web.HttpVerticle;

/** The features of one server, each built once and wired to the others here and nowhere else. */
final class Features {
  private final Graph graph;
  private final Clock clock;
  private final AccountService accounts;
  private final DemoLoader demo;
  private final List<Routes> routes = new ArrayList<>();
  private final LiveVerticle live;
  private final LiveEndpoint webSocket;
  private final Retention retention;
  private final List<VerticleBase> background = new ArrayList<>();
  private final PrometheusMeterRegistry registry;
  private final Policy policy = new Policy();
  private final WorkCalendar calendar = WorkCalendar.china();
  private final Chaser chaser;
  private final TemplateService templates;
  private final org.liandong.reach.Outbox outbox;
  /** Single sign-on through the district's identity provider, where LIANDONG_OIDC_* configure one. */
  private final java.util.Optional<org.liandong.signon.SignOnService> signOn;
  /** The kept read models, each built by one call (see {@link #warm}). */
  private final List<Supplier<Future<Void>>> readModels;

  Features(Vertx vertx, Graph graph, AppConfig config, Clock clock, PrometheusMeterRegistry registry) {
    this.graph = graph;
    this.clock = clock;
    this.registry = Meters.writes(registry, graph.writes());
    accounts = new AccountService(vertx, graph, policy, config, clock);
    demo = new DemoLoader(vertx, graph, clock.getZone());
    var obligations = new ObligationService(graph, policy, clock);
    var meetings = new MeetingService(graph, obligations, policy, clock);
    var schedules = new ScheduleService(graph, clock, calendar, config.yellowFloatDays());
    var projects = new ProjectService(graph, policy, clock, schedules);
    var notices = new NoticeService(graph, policy, clock);
    var requests = new Requests(graph, policy, clock, calendar);
    var history = new HistoryService(graph, policy, clock, calendar);
    var kpis = new KpiService(graph, clock, schedules, projects::forgetKept);
    readModels = List.of(schedules::warm, projects::warm, kpis::warm);
    templates = new TemplateService(graph, policy, TemplateFiles.load(config.templatesDir()));
    var tracks = new TrackTemplates(graph, obligations, projects, schedules, templates);
    outbox = new org.liandong.reach.Outbox(vertx, graph, policy, clock, config.reach());
    signOn = config.signOn().oidc().map(oidc -> new org.liandong.signon.SignOnService(vertx, graph, accounts, oidc, Clock.systemUTC()));
    routes.addAll(List.of(
        new AccountRoutes(accounts, config.secureCookies(), config.demo(), ways(config, signOn)),
        new MetaRoutes(config.zone()),
        new DepartmentRoutes(new DepartmentService(graph, policy, clock)),
        new ProjectRoutes(projects),
        new ObligationRoutes(obligations, tracks, requests, new Replan(graph, projects, schedules)),
        new TemplateRoutes(templates),
        new MeetingRoutes(meetings, new AgendaDraft(schedules, notices, requests, meetings, policy),
            new SincePrevious(graph, history, policy, clock)),
        new HistoryRoutes(history), new KpiRoutes(kpis, clock),
        new ConsoleRoutes(new ConsoleService(vertx, graph, policy, config.console())),
        new ScheduleRoutes(schedules),
        new NoticeRoutes(notices), new org.liandong.reach.OutboxRoutes(outbox), new org.liandong.reach.ReceiptRoutes(outbox.receipts()),
        sheets(vertx, config, projects, kpis, schedules, meetings)));
    live = new LiveVerticle(new LiveVerticle.Parts(graph, policy, config.live().replayWindow(), meetings::access, meetings::recordAttendance,
        watched(vertx, graph, config)));
    webSocket = new LiveEndpoint(live, accounts, config.live());
    retention = retention(graph, config, clock);
    chaser = new Chaser(graph, new ChaseRules(ChaseRules.Settings.of(config.chase()), calendar), clock);
    background.addAll(background(config, obligations));
  }

  /** How people sign in: the login page's choices, and the provider's logout where there is one. */
  private static AccountRoutes.Ways ways(AppConfig config, java.util.Optional<org.liandong.signon.SignOnService> provider) {
    return new AccountRoutes.Ways(provider.isPresent(), config.signOn().localLogin(),
        provider.<org.liandong.accounts.ProviderLogout>map(p -> p).orElse(org.liandong.accounts.ProviderLogout.none()));
  }

  private SheetRoutes sheets(Vertx vertx, AppConfig config, ProjectService projects, KpiService kpis, ScheduleService schedules,
                             MeetingService meetings) {
    return new SheetRoutes(new ImportService(vertx, graph, policy, clock, config.imports()),
        new ExportService(vertx, graph, policy, clock, projects, kpis, schedules, meetings), clock);
  }

  /** In a cluster another node's sockets may watch any channel: every change goes on the bus. */
  private org.liandong.live.Watched watched(Vertx vertx, Graph graph, AppConfig config) {
    var watched = config.cluster().enabled() ? org.liandong.live.Watched.everywhere() : new org.liandong.live.Watched();
    io.micrometer.core.instrument.Gauge.builder("liandong.live.channels", watched, org.liandong.live.Watched::size)
        .description("channels this node's sockets follow").register(registry);
    if (config.cluster().enabled()) org.liandong.storage.CommitRelay.start(vertx, graph, java.util.UUID.randomUUID().toString());
    graph.onCommit(new LivePublisher(vertx.eventBus(), watched)::publish);
    return watched;
  }

  /** What is kept how long: the changes, the idempotency keys, sessions, login failures, the console audit, imports. */
  private static Retention retention(Graph graph, AppConfig config, Clock clock) {
    var rules = new ArrayList<>(Retention.storage(config.retention().changes(), config.retention().idempotencyKeys()));
    rules.add(AccountService.retention());
    rules.add(AccountService.loginFailures());
    rules.add(org.liandong.signon.SignOnService.retention());
    rules.add(ConsoleService.retention(config.retention().audit()));
    rules.add(ImportService.retention());
    return new Retention(graph, rules, config.live().replayWindow(), clock);
  }

  /** The live verticle and the timers; the 督办 sweep starts half an interval in, so it does not meet the 容缺 check at every tick. */
  private List<VerticleBase> background(AppConfig config, ObligationService obligations) {
    var every = config.retention().every();
    var leases = new Leases(graph, clock, java.lang.management.ManagementFactory.getRuntimeMXBean().getName());
    var timers = new ArrayList<VerticleBase>();
    // the outbox's sender (e-mail and SMS where configured; a department's group robots wherever an admin adds one)
    timers.add(new Every("deliveries", "deliveries sent", config.reach().everySeconds(), 2_000, leases, outbox.sender()::sweep));
    // the daily digest, written at 08:30 (each round one node looks whether today's is written)
    var dueSoon = new ChaseRules(ChaseRules.Settings.of(config.chase()), calendar);
    timers.add(new Every("digests", "daily digests written", config.reach().everySeconds(), 3_000, leases, outbox.digests(dueSoon::horizon)::sweep));
    timers.addAll(List.<VerticleBase>of(live,
        new Every("retention", "retention: records deleted", every.toSeconds(), every.toMillis(), leases, retention::sweep),
        new Every("deficiencies", "deficiency deadlines passed: departments and champions told",
            config.deficiencyCheckSeconds(), 0, leases, obligations::expireDeficiencies),
        new Every("supervision", "supervision sweep: notifications sent", config.chase().everySeconds(),
            config.chase().everySeconds() * 500L + 1, leases, chaser::sweep),
        new WorkGauges(graph, clock, registry)));
    return timers;
  }

  Policy policy() {
    return policy;
  }

  AccountService accounts() {
    return accounts;
  }

  TemplateService templates() {
    return templates;
  }

  org.liandong.reach.Outbox outbox() {
    return outbox;
  }

  DemoLoader demo() {
    return demo;
  }

  List<Routes> routes() {
    return routes;
  }

  /**
   * Builds the kept read models (every project's plan, the battle-map list, this year's figures)
   * in the background, one after the other, so the first battle map after a start does not wait
   * for the whole graph to be read and planned. A request arriving meanwhile joins the work under way.
   */
  Future<Void> warm() {
    Future<Void> done = Future.succeededFuture();
    for (var model : readModels) done = done.compose(v -> model.get());
    return done;
  }

  List<VerticleBase> background() {
    return background;
  }

  Chaser chaser() {
    return chaser;
  }

  Retention retention() {
    return retention;
  }

  HttpVerticle.Parts http(AppConfig config, Contract contract) {
    return new HttpVerticle.Parts(config.httpHost(), config.httpPort(), clock, contract, registry, new AuthHandler(accounts),
        webSocket::handle, graph::ping,
        new HttpVerticle.Bookmarks() {
          public String current() {
            return graph.bookmark();
          }

          public Future<Void> catchUp(String given) {
            return graph.catchUp(given);
          }
        }, config.imports().maxBytes(), config.metricsToken(), 
        router -> signOn.ifPresent(s -> new org.liandong.signon.SignOnRoutes(s, config.secureCookies()).mount(router)));
  }

}

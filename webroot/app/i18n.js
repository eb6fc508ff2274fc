// Every word the interface shows, in zh-CN (default) and English.
const words = {
  'app.title': ['重大项目服务调度平台', 'Major-project dispatch platform'],
  'nav.battle': ['挂图作战', 'Battle map'], 'nav.inbox': ['部门交办', 'Department inbox'],
  'nav.leader': ['领导视图', 'My projects'], 'nav.meetings': ['协调会办', 'Meetings'],
  'nav.graph': ['关系图谱', 'Graph'], 'nav.logout': ['退出', 'Log out'],
  'conn.live': ['实时', 'Live'], 'conn.connecting': ['连接中…', 'Connecting…'],
  'conn.reconnecting': ['重连中…', 'Reconnecting…'], 'conn.resynced': ['已重新同步', 'Resynced'],
  'conn.offline': ['离线', 'Offline'],
  'login.title': ['登录', 'Log in'], 'login.username': ['用户名', 'Username'], 'login.password': ['密码', 'Password'],
  'login.submit': ['登录', 'Log in'], 'login.failed': ['用户名或密码错误', 'Wrong username or password'],
  'login.demo': ['演示账号：demo-coordinator、demo-officer、demo-leader、demo-analyst、demo-admin，密码 demo',
    'Demo accounts: demo-coordinator, demo-officer, demo-leader, demo-analyst, demo-admin; password demo'],
  'kpi.projects': ['项目总数', 'Projects'], 'kpi.signed': ['签约', 'Signed'], 'kpi.filed': ['备案', 'Filed'],
  'kpi.started': ['开工', 'Started'], 'kpi.producing': ['投产', 'Producing'],
  'kpi.startRate': ['开工率（新建市级以上重点）', 'Start rate (new key projects)'],
  'kpi.newSigned': ['新签约亿元以上项目', 'New signings ≥ 1 亿元'], 'kpi.investment': ['总投资（亿元）', 'Investment (亿元)'],
  'kpi.year': ['年度', 'Year'], 'kpi.rate': ['转化率', 'conversion'], 'kpi.keyNew': ['新建重点项目', 'new key projects'],
  'chart.stages': ['各阶段项目数', 'Projects by stage'], 'chart.lights': ['项目红黄绿灯', 'Project lights'],
  'chart.departments': ['部门逾期事项', 'Overdue by department'],
  'lights.red': ['红灯', 'Red'], 'lights.yellow': ['黄灯', 'Yellow'], 'lights.green': ['绿灯', 'Green'],
  'table.project': ['项目', 'Project'], 'table.stage': ['阶段', 'Stage'], 'table.champions': ['挂钩领导', 'Champions'],
  'table.overdue': ['逾期', 'Overdue'], 'table.open': ['在办', 'Open'], 'table.onTime': ['按时办结率', 'On-time rate'],
  'table.department': ['部门', 'Department'], 'table.title': ['事项', 'Obligation'], 'table.status': ['状态', 'Status'],
  'table.due': ['时限', 'Due'], 'table.actions': ['操作', 'Actions'], 'table.light': ['灯', 'Light'],
  'table.level': ['级别', 'Level'], 'table.investment': ['投资（亿元）', 'Investment (亿元)'],
  'stage.signed': ['签约', 'Signed'], 'stage.filed': ['备案', 'Filed'], 'stage.land': ['供地', 'Land'],
  'stage.permitted': ['取证', 'Permitted'], 'stage.started': ['开工', 'Started'], 'stage.producing': ['投产', 'Producing'],
  'status.dispatched': ['已交办', 'Dispatched'], 'status.accepted': ['已受理', 'Accepted'],
  'status.in_progress': ['办理中', 'In progress'], 'status.deficient': ['容缺受理', 'Accepted with deficiency'],
  'status.blocked': ['受阻', 'Blocked'], 'status.done': ['已办结', 'Done'],
  'track.land': ['土地农转用报批', 'Land-use approval'], 'track.site': ['场地前期整理', 'Site preparation'],
  'track.permits': ['项目报审报建', 'Permits'], 'track.need': ['企业需求', 'Company needs'],
  'level.province': ['省重大', 'Provincial'], 'level.city': ['市重点', 'City key'], 'level.district': ['区级', 'District'],
  'action.accept': ['受理', 'Accept'], 'action.start': ['开始办理', 'Start'], 'action.done': ['办结', 'Done'],
  'action.deficient': ['容缺受理', 'Accept with deficiency'], 'action.blocked': ['标记受阻', 'Mark blocked'],
  'action.unblock': ['解除受阻', 'Unblock'], 'action.reopen': ['重新打开', 'Reopen'], 'action.redispatch': ['退回待受理', 'Back to dispatched'],
  'action.deadline': ['补正期限', 'Deficiency deadline'], 'action.reason': ['受阻原因', 'Reason'],
  'action.save': ['保存', 'Save'], 'action.cancel': ['取消', 'Cancel'],
  'conflict.title': ['他人已修改此事项，以下为最新版本。您的操作未执行，可在此基础上重试。',
    'Someone changed this: here is the new version. Your action was not applied; you can retry on it.'],
  'error.generic': ['操作失败', 'The action failed'],
  'inbox.title': ['部门交办事项', 'Department inbox'], 'inbox.department': ['部门', 'Department'],
  'inbox.empty': ['暂无待办事项', 'Nothing to do'], 'inbox.note': ['备注', 'Note'], 'inbox.version': ['版本', 'version'], 'inbox.showDone': ['显示已办结', 'Show done'],
  'need.record': ['记录企业需求并交办', 'Record a company need and dispatch it'], 'need.title': ['需求内容', 'Need'],
  'need.source': ['来源', 'Source'], 'need.visit': ['走访', 'Visit'], 'need.online': ['线上', 'Online'],
  'need.meeting': ['会办', 'Meeting'], 'need.other': ['其他', 'Other'], 'need.submit': ['交办', 'Dispatch'],
  'need.feedback': ['企业反馈', "Company's feedback"], 'need.evaluation': ['评价（1-5）', 'Evaluation (1-5)'],
  'need.stage': ['需求阶段', 'Need stage'], 'need.assisted': ['帮办代办', 'Assisted service'],
  'needStage.dispatched': ['已交办', 'Dispatched'], 'needStage.handling': ['办理中', 'Handling'],
  'needStage.handled': ['已办结', 'Handled'], 'needStage.responded': ['已反馈', 'Responded'],
  'needStage.evaluated': ['已评价', 'Evaluated'],
  'project.facts': ['项目概况', 'Facts'], 'project.company': ['企业', 'Company'], 'project.land': ['用地（亩）', 'Land (亩)'],
  'project.signedOn': ['签约日期', 'Signed on'], 'project.targetStartOn': ['计划开工', 'Target start'],
  'project.targetCompleteOn': ['计划竣工', 'Target completion'], 'project.startedOn': ['实际开工', 'Started on'],
  'project.liaison': ['专人对接', 'Liaison'], 'project.timeline': ['三线并联进度', 'Parallel tracks'],
  'project.planned': ['计划', 'Planned'], 'project.actual': ['实际', 'Actual'], 'project.today': ['今天', 'Today'],
  'project.obligations': ['事项清单', 'Obligations'], 'project.history': ['变更记录', 'Change history'],
  'project.permits': ['五证联发', 'Five permits issued together'], 'project.hours': ['小时', 'hours'],
  'leader.title': ['我挂钩的项目', 'Projects I champion'], 'leader.blocks': ['卡点', 'What blocks it'],
  'leader.late': ['逾期 {n} 天', '{n} days late'], 'leader.noBlocks': ['无卡点', 'Nothing blocks it'],
  'leader.nextMeetings': ['近期会办', 'Next meetings'], 'leader.none': ['暂无', 'None'],
  'meetings.title': ['协调会办', 'Coordination meetings'], 'meeting.agenda': ['议程', 'Agenda'],
  'meeting.now': ['正在讨论', 'Now discussing'], 'meeting.focus': ['设为当前议题', 'Discuss now'],
  'meeting.present': ['在场', 'Present'], 'meeting.decisions': ['决定事项', 'Decisions'],
  'meeting.decide': ['记录决定', 'Record a decision'], 'meeting.decisionText': ['决定内容', 'Decision'],
  'meeting.addObligation': ['增加交办事项', 'Add an obligation'], 'meeting.open': ['开始会议', 'Open the meeting'],
  'meeting.close': ['结束会议并生成纪要', 'Close and produce minutes'], 'meeting.minutes': ['会议纪要', 'Minutes'],
  'meeting.printable': ['打印版', 'Printable'], 'meeting.status.scheduled': ['待召开', 'Scheduled'],
  'meeting.status.open': ['进行中', 'In session'], 'meeting.status.closed': ['已结束', 'Closed'],
  'meeting.attendance': ['出席', 'Attendance'], 'meeting.created': ['交办事项', 'Obligations created'],
  'graph.title': ['项目—部门—事项关系图', 'Projects, departments, obligations'], 'graph.all': ['全部', 'All'],
  'schedule.title': ['倒排序时（项目推进进度计划表）', 'Backward schedule (advancement plan)'],
  'schedule.latestStart': ['最迟开始', 'Latest start'], 'schedule.latestFinish': ['最迟完成', 'Latest finish'],
  'schedule.earliestFinish': ['最早完成', 'Earliest finish'], 'schedule.float': ['浮动（工作日）', 'Float (working days)'],
  'schedule.critical': ['关键路径', 'Critical path'], 'schedule.projected': ['预计开工', 'Projected start'],
  'schedule.slip': ['较计划开工延后 {n} 个工作日', '{n} working days behind the target start'],
  'schedule.onTime': ['可按计划开工', 'On track for the target start'],
  'impact.title': ['延误影响推演', 'What if it slips?'], 'impact.obligation': ['事项', 'Obligation'],
  'impact.days': ['延误（工作日）', 'Slip (working days)'], 'impact.run': ['推演', 'Show impact'],
  'impact.moved': ['受影响事项', 'Obligations that move'], 'impact.projects': ['受影响项目', 'Projects that move'],
  'impact.departments': ['涉及部门', 'Departments affected'], 'impact.leaders': ['涉及挂钩领导', 'Leaders affected'],
  'impact.milestones': ['受影响节点（五证、开工）', 'Milestones that move (permits, start)'],
  'impact.none': ['不影响其他事项', 'Nothing else moves'],
  'kpi.progress': ['投资进度（序时）', 'Progress against 序时'], 'kpi.ahead': ['超序时', 'ahead of schedule'],
  'kpi.behind': ['落后序时', 'behind schedule'], 'kpi.expected': ['序时', 'expected'],
  'kpi.bottlenecks': ['卡点部门（关键路径逾期/临期）', 'Bottleneck departments (critical path late / nearly late)'],
  'kpi.late': ['逾期', 'Late'], 'kpi.nearlyLate': ['临期', 'Nearly late'], 'kpi.leaders': ['挂钩领导', 'Leaders'],
  'kpi.onTrack': ['正常', 'On track'], 'kpi.atRisk': ['有风险', 'At risk'], 'kpi.permits': ['五证联发用时', 'Five-permit bundles'],
  'kpi.hours': ['小时', 'hours'], 'kpi.acceptHours': ['受理用时中位数（小时）', 'Median hours to accept'],
  'kpi.deficient': ['容缺待补正/已过期', '容缺 outstanding / expired'], 'kpi.needs': ['企业需求', 'Company needs'],
  'nav.console': ['图查询', 'Cypher console'], 'console.run': ['运行 (Ctrl+Enter)', 'Run (Ctrl+Enter)'],
  'console.params': ['参数（JSON）', 'Parameters (JSON)'], 'console.plan': ['执行计划', 'Plan'],
  'console.noPlan': ['不看计划', 'No plan'], 'console.table': ['表格', 'Table'], 'console.graph': ['图', 'Graph'],
  'console.chart': ['图表', 'Chart'], 'console.csv': ['导出 CSV', 'Export CSV'], 'console.json': ['导出 JSON', 'Export JSON'],
  'console.history': ['我的查询记录', 'My history'], 'console.saved': ['已保存的查询', 'Saved queries'],
  'console.save': ['保存查询', 'Save query'], 'console.name': ['名称', 'Name'], 'console.description': ['说明', 'Description'],
  'console.share': ['共享给角色', 'Share with roles'], 'console.tile': ['发布到挂图作战', 'Publish on the battle map'],
  'console.summary': ['{rows} 行 · {ms} 毫秒', '{rows} rows · {ms} ms'], 'console.truncated': ['（已截断）', '(truncated)'],
  'console.badParams': ['参数须为 JSON 对象', 'Parameters must be a JSON object'], 'console.tiles': ['分析看板', 'Analyst tiles'],
  'common.loading': ['加载中…', 'Loading…'], 'common.none': ['无', 'None'], 'common.by': ['由', 'by'],
};

let lang = localStorage.getItem('liandong.lang') === 'en' ? 'en' : 'zh-CN';

export function t(key, params = {}) {
  const entry = words[key];
  let text = entry ? entry[lang === 'en' ? 1 : 0] : key;
  for (const [k, v] of Object.entries(params)) text = text.replace(`{${k}}`, v);
  return text;
}

export function language() { return lang; }

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh-CN';
  localStorage.setItem('liandong.lang', lang);
  applyStatic();
}

/** Translates the page's fixed elements marked with data-i18n. */
export function applyStatic(root = document) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
}

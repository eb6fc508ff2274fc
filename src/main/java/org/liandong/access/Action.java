package org.liandong.access;

import org.liandong.access.Policy;
/** Everything a person may be allowed or refused to do; {@link Policy} decides each. */
public enum Action {
  /** The shared picture: projects, obligations, departments, meetings' records, KPIs, schedules, history. */
  READ,
  /** Register, edit and delete projects, their champions and liaison. */
  MANAGE_PROJECTS,
  /** Dispatch obligations and needs, edit any of their fields, their dependencies; reopen done work. */
  DISPATCH,
  /** Move an obligation through the workflow (subject: the owing department). */
  WORK,
  /** Be in a meeting's live room: its channel and presence (subject: the meeting). */
  ENTER_MEETING,
  /** Schedule, edit, open and close meetings, their agenda and invitations. */
  MANAGE_MEETINGS,
  /** Record a decision in a meeting (subject: the meeting). */
  DECIDE,
  /** Point the room at an agenda item (subject: the meeting). */
  CHAIR,
  /** Accounts: create, roles, department, passwords, deactivation. */
  MANAGE_USERS,
  /** Read one account (subject: the person). */
  READ_USER,
  /** Follow a person's own live channel (subject: the person). */
  WATCH_USER,
  /** Departments: create, rename, nest, delete. */
  MANAGE_DEPARTMENTS,
  /** Track templates: create, copy and edit (each edit a new version). */
  MANAGE_TEMPLATES,
  /** Ask the graph in Cypher, keep a history, save queries. */
  CONSOLE,
  /** Read everyone's console audit. */
  READ_AUDIT,
  /** Read a saved query or see it as a battle-map tile (subject: the saved query). */
  READ_SAVED,
  /** Change or delete a saved query (subject: the saved query). */
  EDIT_SAVED,
  /** Check and rebuild what the server keeps from the graph (the battle map's read model). */
  MAINTAIN,
  /** See the notices sent beyond the app (e-mail, SMS) and send a failed one again. */
  DELIVERIES,
  /** See who received, opened and acknowledged (签收) a 督办's notices, and when. */
  RECEIPTS
}

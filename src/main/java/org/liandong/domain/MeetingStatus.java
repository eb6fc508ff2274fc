package org.liandong.domain;

/** A coordination meeting's life: scheduled, then open (in session), then closed (its record locked). */
public enum MeetingStatus {
  scheduled("已安排", "Scheduled"), open("进行中", "In session"), closed("已结束", "Closed");

  public final String zh;
  public final String en;

  MeetingStatus(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }
}

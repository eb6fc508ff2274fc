package org.liandong.domain;

import org.liandong.support.Catalogue;
/** A coordination meeting's life: scheduled, then open (in session), then closed (its record locked). */
public enum MeetingStatus {
  scheduled, open, closed;

  /** Its name in each language, from the catalogue ({@code meeting.status.<name>}). */
  public final String zh = Catalogue.zh("meeting.status." + name());
  public final String en = Catalogue.en("meeting.status." + name());
}

package org.liandong.console;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What an analyst may see of the graph: the domain's labels, relationship types and properties.
 * Sessions, idempotency records, the console's own audit and saved queries, channels, migrations
 * and password hashes are outside it. The guard refuses a query that names anything else;
 * {@link Results} leaves out what an unnamed pattern reaches beyond it.
 */
final class Reach {
  private Reach() {}

  private static final Set<String> COMMON = Set.of("id", "version", "createdAt", "updatedAt");

  /** Per label, the properties an analyst reads. */
  static final Map<String, Set<String>> LABELS = Map.of(
      "Department", with("name", "shortName", "level"),
      "User", with("username", "displayName", "roles", "active"),
      "Project", with("code", "name", "company", "description", "investmentYi", "landMu", "stage", "level", "new",
          "signedOn", "targetStartOn", "targetCompleteOn", "startedOn"),
      "Obligation", with("title", "kind", "track", "status", "durationDays", "dueOn", "doneOn", "doneAt", "acceptedAt",
          "dispatchedAt", "deficiencyDueOn", "deficiencyExpiredOn", "blockedReason", "note", "assisted", "needSource",
          "feedback", "feedbackAt", "evaluation", "evaluationNote", "evaluatedAt", "reminders", "returnReason", "returnedAt"),
      "Meeting", with("title", "startsAt", "location", "status", "openedAt", "closedAt", "focusItemId", "focusTitle", "focusAt"),
      "AgendaItem", with("title", "position", "projectId"),
      "Decision", with("text", "agendaItemId", "by", "byName", "at"),
      "Change", with("at", "actor", "type", "entity", "entityId", "projectId", "before", "after"));

  /** Per relationship type, the properties an analyst reads. */
  static final Map<String, Set<String>> TYPES = Map.of(
      "PART_OF", Set.of(), "MEMBER_OF", Set.of(), "CHAMPIONS", Set.of(), "LIAISON_FOR", Set.of(), "FOR", Set.of(),
      "OWES", Set.of(), "DEPENDS_ON", Set.of(), "ABOUT", Set.of(), "TAKEN_IN", Set.of(), "CREATED", Set.of());

  /** Types shared with internal records, readable only between domain nodes (AgendaItem IN Meeting; Change IN a channel is not). */
  static final Map<String, Set<String>> SHARED_TYPES = Map.of("IN", Set.of(), "ATTENDED", Set.of("firstSeenAt"), "INVITES", Set.of());

  /** The components of temporal, duration and spatial values ({@code date().year}), read with the same dot. */
  static final Set<String> COMPONENTS = Set.of("year", "quarter", "month", "week", "weekYear", "dayOfQuarter", "quarterDay",
      "day", "ordinalDay", "dayOfWeek", "weekDay", "hour", "minute", "second", "millisecond", "microsecond", "nanosecond",
      "timezone", "offset", "offsetMinutes", "offsetSeconds", "epochMillis", "epochSeconds", "years", "quarters", "months",
      "weeks", "days", "hours", "minutes", "seconds", "milliseconds", "microseconds", "nanoseconds", "quartersOfYear",
      "monthsOfQuarter", "monthsOfYear", "daysOfWeek", "minutesOfHour", "secondsOfMinute", "millisecondsOfSecond",
      "microsecondsOfSecond", "nanosecondsOfSecond", "x", "y", "z", "longitude", "latitude", "height", "crs", "srid");

  static final Set<String> PROPERTIES = Stream.of(LABELS.values().stream(), TYPES.values().stream(), SHARED_TYPES.values().stream(),
          Stream.of(COMPONENTS))
      .flatMap(s -> s).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

  static boolean label(String name) {
    return LABELS.containsKey(name);
  }

  static boolean type(String name) {
    return TYPES.containsKey(name) || SHARED_TYPES.containsKey(name);
  }

  private static Set<String> with(String... names) {
    return Stream.concat(COMMON.stream(), Stream.of(names)).collect(Collectors.toUnmodifiableSet());
  }
}

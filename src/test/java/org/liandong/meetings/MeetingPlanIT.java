package org.liandong.meetings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** A project's meetings are found from the project, not by reading every meeting. */
@DisplayName("The meeting list by project uses the project's index")
class MeetingPlanIT {
  @Test
  @DisplayName("by project, with or without a status: an index seek, no label scan")
  void meetings() {
    Plans.assertSeeks("by project", MeetingRepository.listing(null, "p-n7"));
    Plans.assertSeeks("by project and status", MeetingRepository.listing("open", "p-n7"));
  }
}

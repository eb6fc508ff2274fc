package org.liandong.projects;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** The leader's and the stage's project lists start from an index seek. */
@DisplayName("Project lists use the indexes of their filters")
class ProjectPlanIT {
  private static final LocalDate TODAY = LocalDate.of(2023, 6, 27);

  @Test
  @DisplayName("by champion and by stage: an index seek, no label scan")
  void projects() {
    Plans.assertSeeks("by champion", ProjectRepository.listing(new ProjectFilter(null, null, "u-demo-leader"), TODAY));
    Plans.assertSeeks("by stage", ProjectRepository.listing(new ProjectFilter("started", null, null), TODAY));
  }
}

package org.liandong.obligations;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** The obligation lists the inbox and the project page run on every live event start from an index seek. */
@DisplayName("Obligation and extension lists use the indexes of their filters")
class ObligationPlanIT {
  private static final LocalDate TODAY = LocalDate.of(2023, 6, 27);

  private static ObligationFilter filter(String department, String project, List<String> statuses) {
    return new ObligationFilter(department, project, statuses, null, null, null);
  }

  @Test
  @DisplayName("by project, by department, and either with a status or overdue: an index seek, no label scan")
  void obligations() {
    Plans.assertSeeks("by project", ObligationRepository.page(filter(null, "p-n7", null), 0, 50, TODAY));
    Plans.assertSeeks("by department", ObligationRepository.page(filter("d-zj-housing", null, null), 0, 50, TODAY));
    Plans.assertSeeks("by project and status", ObligationRepository.page(filter(null, "p-n7", List.of("dispatched")), 0, 50, TODAY));
    Plans.assertSeeks("by department, overdue",
        ObligationRepository.page(new ObligationFilter("d-zj-housing", null, null, "permits", null, true), 0, 50, TODAY));
  }

  @Test
  @DisplayName("extension requests by project and by obligation: an index seek, no label scan")
  void extensions() {
    Plans.assertSeeks("by project", Requests.extensionList("pending", null, "p-n7", 200));
    Plans.assertSeeks("by obligation", Requests.extensionList(null, "o-n7-1", null, 200));
  }
}

package org.liandong.notices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** The 督办 lists by project, department or obligation start from an index seek. */
@DisplayName("Supervision lists use the indexes of their filters")
class SupervisionPlanIT {
  @Test
  @DisplayName("by project, by department, by obligation: an index seek, no label scan")
  void supervisions() {
    Plans.assertSeeks("by project", NoticeRepository.supervisionList(new NoticeService.Filter("p-n7", null, null, null, true), 100));
    Plans.assertSeeks("by department", NoticeRepository.supervisionList(new NoticeService.Filter(null, "d-zj-housing", null, null, null), 100));
    Plans.assertSeeks("by obligation", NoticeRepository.supervisionList(new NoticeService.Filter(null, null, null, "o-n7-1", null), 100));
  }
}

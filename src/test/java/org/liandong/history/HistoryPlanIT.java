package org.liandong.history;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** "Newly late since the previous meeting" for a meeting's projects or a department starts from them. */
@DisplayName("The newly-late list uses the indexes of its projects or department")
class HistoryPlanIT {
  @Test
  @DisplayName("for some projects and for a department: an index seek, no label scan")
  void newlyLate() {
    var to = LocalDate.of(2023, 6, 27).atStartOfDay(ZoneOffset.UTC);
    var from = LocalDate.of(2023, 6, 20);
    Plans.assertSeeks("for projects", HistoryRepository.newlyLateList(List.of("p-n7", "p-hadian"), null, to, from, to.toLocalDate()));
    Plans.assertSeeks("for a department", HistoryRepository.newlyLateList(null, "d-zj-housing", to, from, to.toLocalDate()));
  }
}

package org.liandong.console;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.storage.Plans;

/** One person's console audit is read through its index, not by reading the whole audit. */
@DisplayName("The console audit by person uses its index")
class AuditPlanIT {
  @Test
  @DisplayName("by person: an index seek, no label scan")
  void audit() {
    Plans.assertSeeks("by person", ConsoleRepository.auditList("u-demo-analyst", 0, 50));
  }
}

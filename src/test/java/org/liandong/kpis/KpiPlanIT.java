package org.liandong.kpis;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.liandong.domain.Period;
import org.liandong.storage.Plans;
import org.liandong.storage.Statement;

/**
 * What the KPI read model reads after a change (the touched project's row, the touched
 * department's row for each kept period) seeks them by index, and the department's 督办 by the
 * department: no label read anywhere, so the refresh costs what the change touched.
 */
@DisplayName("The KPI read model reads a touched project and department by index")
class KpiPlanIT {
  @Test
  @DisplayName("a touched project's row seeks the project; a touched department's row seeks the department and its 督办 without reading every supervision")
  void refreshSeeks() {
    var today = LocalDate.of(2023, 6, 27);
    var project = new HashMap<String, Object>(KpiModel.projectParams(today));
    project.put("ids", List.of("p-hadian"));
    Plans.assertSeeks("a project's KPI row", new Statement(KpiCypher.SOME_PROJECTS + KpiCypher.PROJECT_ROWS, project));
    var department = new HashMap<String, Object>(KpiModel.departmentParams(Period.year(2023), today, Clock.systemUTC()));
    department.put("ids", List.of("d-zj-housing"));
    Plans.assertSeeks("a department's KPI row", new Statement(KpiCypher.SOME_DEPARTMENTS + KpiCypher.DEPARTMENT_ROWS, department));
  }
}

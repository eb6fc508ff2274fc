package org.liandong.schedule;

final class KpiCypher {
  private KpiCypher() {}

  /**
   * The figures the battle map opens with. Key projects are those at city level or above
   * (市级及以上重点); 开工率 counts the new ones that have started.
   */
  static final String OVERVIEW = """
      MATCH (p:Project)
      WITH collect(p) AS ps
      WITH ps,
           [p IN ps WHERE p.level IN ['province', 'city']] AS key,
           [p IN ps WHERE p.signedOn.year = $year AND p.investmentYi >= 1] AS signed
      WITH ps, key, signed, [p IN key WHERE p.`new`] AS keyNew
      RETURN size(ps) AS projects,
             [s IN $stages | {stage: s, count: size([p IN ps WHERE p.stage = s]),
                              investmentYi: reduce(t = 0.0, p IN [p IN ps WHERE p.stage = s] | t + p.investmentYi)}] AS byStage,
             size(key) AS keyProjects,
             size(keyNew) AS keyNewProjects,
             size([p IN keyNew WHERE p.stage IN ['started', 'producing']]) AS keyNewStarted,
             size(signed) AS signedCount,
             reduce(t = 0.0, p IN signed | t + p.investmentYi) AS signedInvestmentYi,
             reduce(t = 0.0, p IN ps | t + p.investmentYi) AS totalInvestmentYi
      """;
}

/**
 * 数据汇聚: the reliable upward push of cases, ratings and rectification results to the provincial platform (or to
 * another instance of this software), inbound reports from lower-level platforms, ratings given here of cases those
 * platforms own forwarded down to them (one handler, domain.md §8), the versioned code tables per target, the daily
 * reconciliation with the upstream and the bulk import of existing satisfaction data (plan 二(一)(二)(三), 第三条,
 * 第五条, 第十条).
 */
@org.springframework.modulith.ApplicationModule(displayName = "exchange",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation", "rectification"})
package org.haochaping.exchange;

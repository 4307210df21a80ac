/**
 * 数据汇聚: the reliable upward push of cases and ratings to the provincial platform (or to another instance of
 * this software), inbound reports from lower-level platforms, the versioned code tables per target, the daily
 * reconciliation with the upstream and the bulk import of existing satisfaction data (plan 二(一)(二)(三), 第三条).
 */
@org.springframework.modulith.ApplicationModule(displayName = "exchange",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation"})
package org.haochaping.exchange;

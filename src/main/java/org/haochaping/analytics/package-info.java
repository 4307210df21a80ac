/**
 * 统计·排名·公示: rollups kept from rating and case events, the metrics of domain §6, fair rankings, dashboards,
 * the key-supervision list, concentrated bad ratings, comment analysis, reports, appraisal exports and public
 * disclosure (第十一条 to 第十五条, plan 二(四)).
 */
@org.springframework.modulith.ApplicationModule(displayName = "analytics",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation", "rectification", "integrity"})
package org.haochaping.analytics;

/**
 * 诚信: catches fake good ratings (刷好评) and malicious bad ratings (plan 二(五)) with explainable signals, holds
 * risky ratings in quarantine for the supervision office to review, and keeps every rating and every later fact
 * about it in a tamper-evident SM3 hash chain per region.
 */
@org.springframework.modulith.ApplicationModule(displayName = "integrity",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation"})
package org.haochaping.integrity;

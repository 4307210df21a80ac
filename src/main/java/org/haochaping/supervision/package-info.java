/**
 * 督查问责: what the supervision office does with lagging results — the key supervision list with improvement
 * measures (第十五条), coaching and reassignment of staff long at the bottom, appraisal deductions and award
 * eligibility (plan 二(五), 第十四条), referrals to discipline inspection (第十五条), service guide revisions from common
 * problems (第十二条) and the periodic public notice (plan 二(四)2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "supervision",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation", "rectification", "analytics"})
package org.haochaping.supervision;

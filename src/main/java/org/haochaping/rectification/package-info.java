/**
 * 整改·申诉: the bad-review loop of 第九条 to 第十二条 — work orders for bad ratings with verification, deadlines
 * (natural or working days), extensions, rectification, feedback to the evaluator and follow-up ratings,
 * call-backs and overdue notices — appeals (plan 二(五)), the problem ledger (双归零) and supervision records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "rectification",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation", "channels"})
package org.haochaping.rectification;

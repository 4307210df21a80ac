/**
 * 整改·申诉: work orders for bad ratings — verification, deadlines, extensions, rectification, feedback,
 * call-backs — appeals, the problem ledger (双归零) and supervision records (第九条 to 第十二条).
 */
@org.springframework.modulith.ApplicationModule(displayName = "rectification",
        allowedDependencies = {"system", "identity", "catalog", "casework", "evaluation", "channels"})
package org.haochaping.rectification;

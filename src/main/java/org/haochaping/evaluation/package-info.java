/**
 * 评价: ratings of service cases — one per case (第六条), five levels, seven dimensions, reasons, comments,
 * system defaults and validity.
 */
@org.springframework.modulith.ApplicationModule(displayName = "evaluation",
        allowedDependencies = {"system", "identity", "catalog", "casework"})
package org.haochaping.evaluation;

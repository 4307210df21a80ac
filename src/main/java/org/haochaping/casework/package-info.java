/**
 * 办件: service cases reported by business systems, their lifecycle and the receipt data a rating starts from.
 */
@org.springframework.modulith.ApplicationModule(displayName = "casework", allowedDependencies = {"system", "identity", "catalog"})
package org.haochaping.casework;

/**
 * 事项·机构·人员: regions in four levels, service bodies, departments, windows, staff, service items, window
 * devices and terminals, and the versioned reason options offered for each level.
 */
@org.springframework.modulith.ApplicationModule(displayName = "catalog", allowedDependencies = {"system", "identity"})
package org.haochaping.catalog;

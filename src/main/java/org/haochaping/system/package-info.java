/**
 * Cross-cutting plumbing: the clock, problem answers, scheduled jobs, the layout, home and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "system")
package org.haochaping.system;

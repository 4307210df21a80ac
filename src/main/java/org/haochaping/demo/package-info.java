/**
 * The Xuchang demo fixture ({@code demo-data.md}): catalog, accounts, integration clients and three months of
 * history, loaded into a new embedded database only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "demo")
package org.haochaping.demo;

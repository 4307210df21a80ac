package org.haochaping.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Whether to load the demo fixture into a new database, and how many historical cases to make (0: the catalog,
 * accounts and clients only, without history or demo work orders).
 */
@ConfigurationProperties("hcp.demo")
record DemoSettings(boolean enabled, int historyCases) {
}

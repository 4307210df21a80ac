package org.haochaping.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether to load the demo fixture into a new database, and how many historical cases to make. */
@ConfigurationProperties("hcp.demo")
record DemoSettings(boolean enabled, int historyCases) {
}

package org.haochaping.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whether to load the demo fixture into a new database, how many historical cases to make, and whether to make the
 * demo's work orders in every state ({@code workOrders}, e.g. off for an instance a test federates with another).
 */
@ConfigurationProperties("hcp.demo")
record DemoSettings(boolean enabled, int historyCases, @DefaultValue("true") boolean workOrders) {
}

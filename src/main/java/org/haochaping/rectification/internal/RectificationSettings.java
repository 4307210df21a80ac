package org.haochaping.rectification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bad-review loop ({@code hcp.rectification.*}): the rectification deadline of 第十条 (15 natural
 * days from the rating by default; working days follow the uploaded holiday calendar), how far an extension may
 * reach, how many unanswered call-backs end the call-back step, the key and lifetime of follow-up links and how often overdue orders are looked for.
 */
@ConfigurationProperties("hcp.rectification")
public record RectificationSettings(
        @DefaultValue("15") int deadlineDays,
        @DefaultValue("NATURAL") DeadlinePolicy.Counting deadlineCounting,
        @DefaultValue("RATING") DeadlinePolicy.Start deadlineFrom,
        @DefaultValue("30") int maxExtensionDays,
        @DefaultValue("3") int callbackAttempts,
        String tokenKey,
        @DefaultValue("30d") Duration followUpValidity,
        @DefaultValue("5m") Duration overdueCheckInterval) {

    public RectificationSettings {
        if (deadlineDays < 1) {
            throw new IllegalArgumentException("hcp.rectification.deadline-days must be at least 1");
        }
        if (tokenKey == null || !tokenKey.matches("[0-9a-fA-F]{32,}")) {
            throw new IllegalArgumentException("hcp.rectification.token-key must be at least 32 hex digits");
        }
    }

    public DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(deadlineDays, deadlineCounting, deadlineFrom);
    }
}

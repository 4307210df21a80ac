package org.haochaping.evaluation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** When an unrated completed case gets the default rating (第九条: 7 natural days after it was generated). */
@ConfigurationProperties("hcp.evaluation")
record EvaluationSettings(@DefaultValue("7d") Duration defaultAfter, @DefaultValue("500") int defaultBatch) {
}

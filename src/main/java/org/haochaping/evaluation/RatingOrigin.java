package org.haochaping.evaluation;

/**
 * Where a rating came from, as far as a channel can tell: {@code addressKey} is the keyed SM3 index of the
 * submitting client's network address (never the address itself; null when the channel cannot attribute the request
 * to a client), {@code deviceCode} the terminal or window tablet the rating was given on (null elsewhere). Passed on
 * with {@link EvaluationSubmitted} for the integrity signals; the rating itself does not keep it.
 */
public record RatingOrigin(String addressKey, String deviceCode) {

    public static final RatingOrigin UNKNOWN = new RatingOrigin(null, null);
}

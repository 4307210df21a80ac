package org.haochaping.supervision.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.haochaping.supervision.internal.Trail;

/** A record with the steps it went through ({@code history}), as the API answers a single record. */
record Tracked<T>(@JsonUnwrapped T item, List<Trail.Step> history) {
}

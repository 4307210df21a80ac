package org.haochaping.casework;

/** 即办件 (immediate) or 承诺件 (promised within a term). */
public enum CaseType {
    IMMEDIATE, PROMISED, OTHER
}

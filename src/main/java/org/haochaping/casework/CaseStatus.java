package org.haochaping.casework;

/** Where a case stands (provincial proStatus 1 to do, 2 in progress, 3 finished). Only a completed case is rated. */
public enum CaseStatus {
    ACCEPTED, IN_PROGRESS, COMPLETED
}

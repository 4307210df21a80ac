package org.haochaping.casework;

/** The applicant or evaluator: a person (userProp 1) or a legal person (userProp 2). */
public enum ApplicantType {
    PERSON, ORGANIZATION
}

package org.haochaping.evaluation;

import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;

/** 一次服务评价一次 (第六条): the case already has its rating. */
public class CaseAlreadyRated extends DomainProblem {

    public CaseAlreadyRated(String caseNo) {
        super(HttpStatus.CONFLICT, "该办件已评价", "办件 " + caseNo + " 已经评价过，一次服务只能评价一次。");
    }
}

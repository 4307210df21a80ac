package org.haochaping.rectification;

import java.time.LocalDate;
import java.util.List;

/**
 * What another module may know of a common problem of the problem ledger (第十二条): its title, department, deadline,
 * whether it is solved, and the service items of the bad ratings it groups (most frequent first).
 */
public record ProblemFacts(String id, String title, String description, String regionCode, String departmentCode,
        LocalDate deadline, boolean solved, String solution, List<String> itemCodes, long orders) {
}

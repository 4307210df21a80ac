package org.haochaping.system;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an administrator run a scheduled job now ({@code POST /api/v1/admin/jobs/{jobName}/run}). */
@RestController
class JobController {

    private final List<Job> jobs;

    JobController(List<Job> jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/v1/admin/jobs/{jobName}/run")
    Map<String, String> run(@PathVariable String jobName) {
        Job job = jobs.stream().filter(j -> j.name().equals(jobName)).findFirst()
                .orElseThrow(() -> DomainProblem.notFound("没有名为 " + jobName + " 的定时任务。"));
        return Map.of("job", job.name(), "result", job.run());
    }
}

package org.haochaping.rectification.web;

import java.util.List;

import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.HolidayCalendar;
import org.haochaping.rectification.internal.HolidayCalendars;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holiday calendar for deadlines in working days: an administrator puts a year's file ({@code date,type[,name]},
 * types HOLIDAY and WORKDAY) as {@code text/csv}; staff read it.
 */
@RestController
class HolidayApi {

    private final HolidayCalendars calendars;

    HolidayApi(HolidayCalendars calendars) {
        this.calendars = calendars;
    }

    @PutMapping(value = "/api/v1/admin/holiday-calendars/{year}",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    List<HolidayCalendar.Day> upload(@PathVariable int year, @RequestBody String file,
            @AuthenticationPrincipal CurrentUser user) {
        return calendars.upload(year, file, WorkOrderApi.staff(user)).list();
    }

    @GetMapping("/api/v1/holiday-calendars/{year}")
    List<HolidayCalendar.Day> year(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
        WorkOrderApi.staff(user);
        return calendars.between(year, year).list();
    }
}

package org.haochaping.rectification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored holiday calendars, one per year, uploaded by an administrator from the State Council's notice. */
@Service
public class HolidayCalendars {

    /** A year's calendar as uploaded: how many holidays and make-up working days, by whom and when. */
    public record YearSummary(int year, long holidays, long workdays, String uploadedBy, OffsetDateTime uploadedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    HolidayCalendars(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The calendar of the years {@code from} to {@code to}. */
    public HolidayCalendar between(int from, int to) {
        Map<LocalDate, HolidayCalendar.Day> days = new TreeMap<>();
        jdbc.sql("select holiday_date, kind, name from rectification_holiday where calendar_year between :f and :t")
                .param("f", from).param("t", to)
                .query((rs, n) -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    return days.put(date, new HolidayCalendar.Day(date, HolidayCalendar.DayType.valueOf(rs.getString(2)),
                            rs.getString(3)));
                }).list();
        return new HolidayCalendar(days);
    }

    public List<YearSummary> years() {
        return jdbc.sql("""
                select calendar_year,
                       count(case when kind = 'HOLIDAY' then 1 end) as holidays,
                       count(case when kind = 'WORKDAY' then 1 end) as workdays,
                       max(uploaded_by) as uploaded_by, max(uploaded_at) as uploaded_at
                from rectification_holiday group by calendar_year order by calendar_year desc
                """).query((rs, n) -> new YearSummary(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        Zones.inShanghai(rs.getObject(5, OffsetDateTime.class)))).list();
    }

    public boolean hasYear(int year) {
        return jdbc.sql("select count(*) from rectification_holiday where calendar_year = :y").param("y", year)
                .query(Long.class).single() > 0;
    }

    /** Replaces a year's calendar with the uploaded file (administrators only); a faulty file changes nothing. */
    @Transactional
    public HolidayCalendar upload(int year, String text, CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw DomainProblem.forbidden("只有系统管理员可以上传节假日安排。");
        }
        if (year < 2000 || year > 2100) {
            throw FieldProblem.of("year", "年份应在 2000 到 2100 之间");
        }
        HolidayCalendar calendar = HolidayCalendar.parse(year, text);
        OffsetDateTime now = Zones.now(clock);
        jdbc.sql("delete from rectification_holiday where calendar_year = :y").param("y", year).update();
        for (HolidayCalendar.Day day : calendar.list()) {
            jdbc.sql("""
                    insert into rectification_holiday (holiday_date, calendar_year, kind, name, uploaded_by, uploaded_at)
                    values (:d, :y, :k, :n, :by, :at)
                    """).param("d", day.date()).param("y", year).param("k", day.type().name()).param("n", day.name())
                    .param("by", user.username()).param("at", now).update();
        }
        audit.recordAs(user.username(), "HOLIDAY_CALENDAR_UPLOADED", "holiday-calendar:" + year,
                calendar.list().size() + " days");
        return calendar;
    }
}

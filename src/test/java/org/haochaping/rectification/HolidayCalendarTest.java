package org.haochaping.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** The holiday calendar is uploaded per year by an administrator; a faulty file changes nothing. */
class HolidayCalendarTest extends IntegrationTest {

    private TestApi.Answer upload(String user, int year, String csv) {
        return api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/admin/holiday-calendars/" + year))
                .header("Authorization", "Bearer " + api.login(user)).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    @Test
    void anAdministratorUploadsAYearAndAFaultyFileChangesNothing() {
        String csv = "date,type,name\n2031-10-01,HOLIDAY,国庆节\n2031-10-02,HOLIDAY,国庆节\n2031-10-11,WORKDAY,国庆节调休\n";
        TestApi.Answer uploaded = upload("admin", 2031, csv);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.json().size()).isEqualTo(3);

        TestApi.Answer faulty = upload("admin", 2031, "2031-10-01,HOLIDAY\n2031-13-01,HOLIDAY\n");
        assertThat(faulty.status()).isEqualTo(400);
        assertThat(faulty.json().path("errors").get(0).path("message").asString()).contains("第 2 行");

        TestApi.Answer read = api.bearer(api.login("supervisor"), "GET", "/api/v1/holiday-calendars/2031", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().findValuesAsString("type")).containsExactly("HOLIDAY", "HOLIDAY", "WORKDAY");
        assertThat(read.json().findValuesAsString("name")).contains("国庆节调休");

        assertThat(upload("supervisor", 2031, csv).status()).as("administrators only").isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where action = 'HOLIDAY_CALENDAR_UPLOADED'")
                .query(Long.class).single()).isPositive();
    }
}

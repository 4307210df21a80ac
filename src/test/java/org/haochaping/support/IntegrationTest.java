package org.haochaping.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole system on a random port with the demo fixture, over real HTTP; on H2 by default and on PostgreSQL
 * when the {@code postgres} Maven profile sets the datasource. All integration tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfig.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    protected TestApi api;

    @BeforeEach
    void setUpApi() {
        clock.reset();
        api = new TestApi("http://localhost:" + port, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}

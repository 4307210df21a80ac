package org.haochaping.demo;

import javax.sql.DataSource;

import org.haochaping.identity.ApiClientPrincipal.Kind;
import org.haochaping.identity.IdentityManagement;
import org.haochaping.identity.NewAccount;
import org.haochaping.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Loads the demo fixture once, into a database that has no catalog yet; a second start keeps the data. */
@Component
class DemoFixture {

    static final String PASSWORD = "Demo@2026hcp";
    private static final Logger log = LoggerFactory.getLogger(DemoFixture.class);

    private final DemoSettings settings;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final IdentityManagement identity;
    private final DemoHistory history;
    private final DemoRectification rectification;
    private final TransactionTemplate transaction;

    DemoFixture(DemoSettings settings, DataSource dataSource, JdbcClient jdbc, IdentityManagement identity,
            DemoHistory history, DemoRectification rectification, TransactionTemplate transaction) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.identity = identity;
        this.history = history;
        this.rectification = rectification;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (!settings.enabled()) {
            return;
        }
        boolean fresh = Boolean.TRUE.equals(transaction.execute(status -> {
            if (jdbc.sql("select count(*) from catalog_region").query(Long.class).single() > 0) {
                return false;
            }
            new ResourceDatabasePopulator(new ClassPathResource("demo/catalog.sql")).populate(
                    org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource));
            accounts();
            clients();
            return true;
        }));
        if (fresh) {
            history.create(settings.historyCases());
            if (settings.workOrders()) {
                rectification.create();
            }
            log.info("Loaded the Xuchang demo fixture with {} historical cases", settings.historyCases());
        }
    }

    private void accounts() {
        account("admin", "系统管理员", Role.ADMIN, null, null, null, null);
        account("supervisor", "许昌市政务服务管理办公室", Role.SUPERVISOR, "411000", null, null, null);
        account("wd.supervisor", "魏都区政务服务管理办公室", Role.SUPERVISOR, "411002", null, null, null);
        account("xc.handler", "市场监管局经办人", Role.HANDLER, "411000", "XC-SCJG", null, null);
        account("yz.handler", "禹州人社局经办人", Role.HANDLER, "411081", "YZ-RSJ", null, null);
        account("s1001", "张伟", Role.STAFF, "411000", "XC-SCJG", "XC-HALL", "S1001");
        account("auditor", "审计员", Role.AUDITOR, null, null, null, null);
        account("xc.hall", "市政务服务中心管理员", Role.HALL_MANAGER, "411000", null, "XC-HALL", null);
        account("jdy01", "监督员 01", Role.INSPECTOR, "411000", null, null, null);
        account("city.office", "许昌市政府办公室", Role.CITY_OFFICE, "411000", null, null, null);
    }

    private void account(String username, String name, Role role, String region, String department, String body,
            String staffNo) {
        identity.createAccount(new NewAccount(username, name, PASSWORD, role, region, department, body, staffNo));
    }

    private void clients() {
        identity.createClient("demo-business-system", "演示业务系统", "demo-secret-2026", Kind.BUSINESS_SYSTEM, null, null);
        identity.createClient("demo-device-xc-w01", "市中心 1 号窗口评价器", "demo-device-secret-2026", Kind.DEVICE, "411000",
                "DEV-XC-W01");
        identity.createClient("demo-terminal-xc-01", "市中心自助终端 1 号", "demo-terminal-secret-2026", Kind.TERMINAL,
                "411000", "TERM-XC-01");
        identity.createClient("demo-platform-ixuchang", "i许昌", "demo-platform-secret-2026", Kind.PLATFORM, null, null);
        identity.createClient("demo-sms-gateway", "短信网关", "demo-sms-secret-2026", Kind.SMS_GATEWAY, null, null);
        identity.createClient("demo-lower-platform", "魏都区好差评平台", "demo-lower-secret-2026", Kind.LOWER_PLATFORM,
                "411002", null);
    }
}

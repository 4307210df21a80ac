package org.haochaping.integrity;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.catalog.CatalogManagement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The daily anchors of the rating ledger (the head hash of each region's chain at the end of each day, recorded by
 * the {@code ledger-anchor} job), for the period reports: printed and exported, they fix the state of the ledger so
 * that a later rewrite shows against the paper and the workbook as well as against the audit log.
 */
@Service
public class LedgerAnchors {

    /** The last ledger entry of a region on a day: its sequence number and SM3 chain hash. */
    public record Anchor(String regionCode, String regionName, LocalDate day, long sequence, String hash) {
    }

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;

    LedgerAnchors(JdbcClient jdbc, CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    /** The anchors of the days from {@code from} to {@code to} of the regions under the prefix, by region and day. */
    public List<Anchor> between(String regionPrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select region_code, anchor_date, seq, hash from integrity_ledger_anchor
                where region_code like :p and anchor_date between :from and :to order by region_code, anchor_date
                """).param("p", (regionPrefix == null ? "" : regionPrefix) + "%").param("from", from).param("to", to)
                .query((rs, n) -> new Anchor(rs.getString(1), null, rs.getObject(2, LocalDate.class), rs.getLong(3),
                        rs.getString(4)))
                .list().stream()
                .map(a -> new Anchor(a.regionCode(), catalog.region(a.regionCode()).map(CatalogManagement.Region::name)
                        .orElse(a.regionCode()), a.day(), a.sequence(), a.hash()))
                .toList();
    }
}

package org.haochaping.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.haochaping.integrity.LedgerAnchors;
import org.springframework.stereotype.Component;

/**
 * Excel, written with streaming POI (SXSSF: at most a window of rows in memory, the rest flushed to a temporary
 * file), from the same contents as the pages: the period report and the appraisal workbook (第十四条).
 */
@Component
class Workbooks {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 200;

    /** A sheet being written, row by row. */
    private static final class Writer {
        private final SXSSFSheet sheet;
        private final CellStyle header;
        private final CellStyle percent;
        private final CellStyle decimal;
        private int next;

        Writer(SXSSFWorkbook book, String name, CellStyle header, CellStyle percent, CellStyle decimal) {
            this.sheet = book.createSheet(name);
            this.sheet.trackAllColumnsForAutoSizing();
            this.header = header;
            this.percent = percent;
            this.decimal = decimal;
        }

        void header(String... titles) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < titles.length; i++) {
                Cell cell = row.createCell(i);
                cell.setCellValue(titles[i]);
                cell.setCellStyle(header);
            }
        }

        /** Values: String, Long/Integer as numbers, Double as a decimal, {@link Pct} as a percentage, null empty. */
        void row(Object... values) {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                if (v instanceof Pct p) {
                    if (p.value() != null) {
                        cell.setCellValue(p.value());
                        cell.setCellStyle(percent);
                    } else {
                        cell.setCellValue("—");
                    }
                } else if (v instanceof Double d) {
                    cell.setCellValue(d);
                    cell.setCellStyle(decimal);
                } else if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(v.toString());
                }
            }
        }

        void blank() {
            next++;
        }

        void widths(int columns) {
            for (int i = 0; i < columns; i++) {
                sheet.autoSizeColumn(i);
                sheet.setColumnWidth(i, Math.min(Math.max(sheet.getColumnWidth(i) + 512, 2600), 60 * 256));
            }
        }
    }

    /** A rate to show as a percentage (null: nothing to divide by). */
    record Pct(Double value) {
    }

    private interface Content {
        void write(SXSSFWorkbook book, Styles styles);
    }

    private record Styles(CellStyle header, CellStyle percent, CellStyle decimal) {
        Writer sheet(SXSSFWorkbook book, String name) {
            return new Writer(book, name, header, percent, decimal);
        }
    }

    private void write(OutputStream out, Content content) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            CellStyle header = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
            content.write(book, new Styles(header, percent, decimal));
            book.write(out);
        } finally {
            book.close();
        }
    }

    void report(PeriodReport.Contents c, OutputStream out) throws IOException {
        write(out, (book, styles) -> {
            Writer summary = styles.sheet(book, "概况");
            summary.header("指标", "数值", "口径");
            summary.row("统计周期", c.period().label(), c.period().from() + " 至 " + c.period().to() + "（按评价时间）");
            Summary s = c.summary();
            summary.row("有效评价数", s.validTotal(), Metrics.Metric.VALID_TOTAL.definition());
            for (var level : org.haochaping.evaluation.Level.values()) {
                summary.row("　" + level.label(), s.levels().get(level.name()), "有效评价中评为" + level.label() + "的条数");
            }
            summary.row("默认评价数", s.defaults(), Metrics.Metric.DEFAULTS.definition());
            summary.row("办结件数", s.completedCases(), "统计期内办结的办件数");
            summary.row("群众主动评价数", s.personRatings(), "有效评价中由群众给出的（不含系统默认评价）");
            summary.row("已剔除评价数", s.excluded(), "被认定无效或在隔离审查中的评价，不计入任何指标");
            summary.row("满意率", new Pct(s.satisfactionRate()), Metrics.Metric.SATISFACTION_RATE.definition());
            summary.row("差评率", new Pct(s.badRate()), Metrics.Metric.BAD_RATE.definition());
            summary.row("主动评价率", new Pct(s.activeRate()), Metrics.Metric.ACTIVE_RATE.definition());
            summary.row("得分", s.score(), Metrics.Metric.SCORE.definition());
            summary.row("差评整改率", new Pct(s.rectificationRate()), Metrics.Metric.RECTIFICATION_RATE.definition());
            summary.row("按期整改率", new Pct(s.onTimeRectificationRate()),
                    Metrics.Metric.ON_TIME_RECTIFICATION_RATE.definition());
            summary.row("实名差评回访率", new Pct(s.callbackRate()), Metrics.Metric.CALLBACK_RATE.definition());
            summary.widths(3);

            for (Map.Entry<RankingSubject, Ranking> e : c.rankings().entrySet()) {
                Writer w = styles.sheet(book, "排名-" + e.getKey().label());
                Ranking r = e.getValue();
                w.header("名次", "代码", "名称", "排名分", "得分", "有效评价数", "评价率", "满意率", "差评率", "差评数");
                for (Ranking.Row row : r.items()) {
                    w.row((long) row.rank(), row.subjectCode(), row.subjectName(), row.rankingScore(), row.score(),
                            row.count(), new Pct(row.ratingRate()), new Pct(row.satisfactionRate()),
                            new Pct(row.badRate()), row.bad());
                }
                w.blank();
                w.row("排名分：" + Metrics.Metric.RANKING_SCORE.definition() + "（m = " + r.shrinkageWeight()
                        + "，C = " + Figures.score(r.overallMean()) + "）");
                w.widths(10);
            }

            Writer handling = styles.sheet(book, "差评整改");
            handling.header("部门代码", "部门", "差评数", "确认差评", "已整改", "按期整改", "超期未整改", "差评整改率",
                    "按期整改率", "实名差评", "已回访", "实名差评回访率");
            for (PeriodReport.Handling h : c.handling()) {
                handling.row(h.departmentCode(), h.departmentName(), h.bad(), h.confirmed(), h.rectified(),
                        h.rectifiedOnTime(), h.overdue(), new Pct(h.rectificationRate()), new Pct(h.onTimeRate()),
                        h.realNameBad(), h.calledBack(), new Pct(h.callbackRate()));
            }
            handling.blank();
            handling.row("“超期未整改” = 本期差评的工单中已过整改期限、至今仍在整改或申请延期的件数（按导出时的状态）。");
            handling.widths(12);

            Writer cases = styles.sheet(book, "典型案例");
            cases.header("类别", "对象", "差评数", "差评率", "主要原因", "日期", "事项", "等级", "评价内容（已去除个人信息）");
            for (BadRatingClusters.Cluster cl : c.clusters()) {
                String reasons = String.join("、", cl.reasons().stream().map(x -> x.label() + " " + x.count()).toList());
                if (cl.cases().isEmpty()) {
                    cases.row(cl.subject().label(), cl.name(), cl.bad(), new Pct(cl.badRate()), reasons);
                }
                for (BadRatingClusters.TypicalCase tc : cl.cases()) {
                    cases.row(cl.subject().label(), cl.name(), cl.bad(), new Pct(cl.badRate()), reasons, tc.day(),
                            tc.itemName(), tc.level(), tc.comment());
                }
            }
            cases.widths(9);

            Writer key = styles.sheet(book, "重点监督对象");
            key.header("类别", "代码", "名称", "连续靠后期数", "建议调整岗位");
            for (KeySupervision.Target t : c.targets()) {
                key.row(t.subject().label(), t.code(), t.name(), (long) t.consecutive(), t.reassign() ? "是" : "");
            }
            key.widths(5);

            Writer anchors = styles.sheet(book, "评价存证");
            anchors.header("行政区划代码", "行政区划", "日期", "当日末条序号", "SM3 链哈希");
            for (LedgerAnchors.Anchor a : c.anchors()) {
                anchors.row(a.regionCode(), a.regionName(), a.day(), a.sequence(), a.hash());
            }
            anchors.blank();
            anchors.row("每个行政区划的评价存证链在每日结束后记录当日最后一条的哈希（次日生成），与审计日志中的 LEDGER_ANCHOR 一致；"
                    + "“评价存证校验”重新计算整条链时必须得到同样的哈希。");
            anchors.widths(5);
        });
    }

    void appraisal(PeriodReport.AppraisalContents c, OutputStream out) throws IOException {
        boolean annual = c.annual();
        write(out, (book, styles) -> {
            Writer d = styles.sheet(book, "部门考核指标");
            d.header(withDeductions(annual, "部门代码", "部门", "有效评价数", "得分", "排名分", "名次", "满意率", "差评率", "评价率",
                    "差评整改率", "按期整改率", "实名差评回访率", "连续靠后期数"));
            for (PeriodReport.Appraisal a : c.rows().getOrDefault(RankingSubject.DEPARTMENT, List.of())) {
                PeriodReport.Handling h = a.handling();
                d.row(withDeductions(annual, a, a.code(), a.name(), a.row().count(), a.row().score(),
                        a.row().rankingScore(), (long) a.row().rank(), new Pct(a.row().satisfactionRate()),
                        new Pct(a.row().badRate()), new Pct(a.row().ratingRate()),
                        new Pct(h == null ? null : h.rectificationRate()), new Pct(h == null ? null : h.onTimeRate()),
                        new Pct(h == null ? null : h.callbackRate()), (long) a.periodsAtBottom()));
            }
            d.blank();
            d.row(c.period().label() + "。" + Metrics.Metric.SCORE.label() + "：" + Metrics.Metric.SCORE.definition());
            d.row(Metrics.Metric.RANKING_SCORE.label() + "：" + Metrics.Metric.RANKING_SCORE.definition());
            if (annual) {
                d.row("扣分：经核实属实（履职不到位）的差评按规定扣分（二(五)），明细见“扣分明细”；考核得分 = 得分 − 扣分；"
                        + "有取消评优资格的扣分时，评优资格为“取消”。");
            }
            d.widths(annual ? 16 : 13);

            Writer s = styles.sheet(book, "人员考核指标");
            s.header(withDeductions(annual, "工号", "姓名", "所属部门", "有效评价数", "得分", "排名分", "名次", "满意率", "差评数",
                    "差评率", "评价率", "连续靠后期数"));
            for (PeriodReport.Appraisal a : c.rows().getOrDefault(RankingSubject.STAFF, List.of())) {
                s.row(withDeductions(annual, a, a.code(), a.name(), a.departmentName(), a.row().count(),
                        a.row().score(), a.row().rankingScore(), (long) a.row().rank(),
                        new Pct(a.row().satisfactionRate()), a.row().bad(), new Pct(a.row().badRate()),
                        new Pct(a.row().ratingRate()), (long) a.periodsAtBottom()));
            }
            s.widths(annual ? 15 : 12);

            if (annual) {
                Writer x = styles.sheet(book, "扣分明细");
                x.header("对象类型", "对象编码", "对象名称", "扣分", "扣分理由", "取消评优资格", "来源工单", "办件编号", "扣分记录");
                for (AppraisalAdjustments.Deduction dd : c.deductions()) {
                    x.row(dd.subject().label(), dd.subjectCode(), dd.subjectName(), dd.points(), dd.reason(),
                            dd.losesEligibility() ? "是" : "否", dd.workOrderId(), dd.caseNo(), dd.id());
                }
                x.widths(9);
            }
        });
    }

    /** The columns, and for a year the deduction columns after them. */
    private static String[] withDeductions(boolean annual, String... titles) {
        if (!annual) {
            return titles;
        }
        String[] all = java.util.Arrays.copyOf(titles, titles.length + 3);
        all[titles.length] = "扣分";
        all[titles.length + 1] = "考核得分";
        all[titles.length + 2] = "评优资格";
        return all;
    }

    private static Object[] withDeductions(boolean annual, PeriodReport.Appraisal a, Object... values) {
        if (!annual) {
            return values;
        }
        Object[] all = java.util.Arrays.copyOf(values, values.length + 3);
        all[values.length] = a.deducted().doubleValue();
        all[values.length + 1] = a.net();
        all[values.length + 2] = a.eligible() ? "保留" : "取消";
        return all;
    }
}

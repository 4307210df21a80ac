package org.haochaping.supervision.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.haochaping.supervision.internal.Appraisals;

/** The appraisal workbook (第十四条): a sheet per kind of subject, and the deductions with their sources. */
final class AppraisalWorkbook {

    private AppraisalWorkbook() {
    }

    static void write(Appraisals.Appraisal appraisal, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            subjects(book.createSheet("部门考核"), "部门", appraisal.departments(), bold);
            subjects(book.createSheet("个人考核"), "工作人员", appraisal.staff(), bold);
            Sheet sources = book.createSheet("扣分明细");
            header(sources, bold, "对象类型", "对象编码", "对象名称", "扣分", "扣分理由", "取消评优资格", "来源工单", "办件编号", "扣分记录");
            int r = 1;
            for (List<Appraisals.Row> rows : List.of(appraisal.departments(), appraisal.staff())) {
                for (Appraisals.Row row : rows) {
                    for (Appraisals.Source s : row.sources()) {
                        Row x = sources.createRow(r++);
                        text(x, 0, row.kind().label());
                        text(x, 1, row.code());
                        text(x, 2, row.name());
                        x.createCell(3).setCellValue(s.points().doubleValue());
                        text(x, 4, s.reason());
                        text(x, 5, s.losesEligibility() ? "是" : "否");
                        text(x, 6, s.workOrderId());
                        text(x, 7, s.caseNo());
                        text(x, 8, s.deductionId());
                    }
                }
            }
            Sheet note = book.createSheet("说明");
            text(note.createRow(0), 0, appraisal.year() + " 年度政务服务“好差评”考核结果（第十四条）");
            text(note.createRow(1), 0, "得分：有效评价的平均分（非常满意100、满意80、基本满意60、不满意20、非常不满意0）；"
                    + "排名得分按样本量向总体均值收缩；扣分：经核实属实（履职不到位）的差评扣分（二(五)）；考核得分 = 得分 − 扣分。");
            book.write(out);
            book.dispose();
        }
    }

    private static void subjects(Sheet sheet, String who, List<Appraisals.Row> rows, CellStyle bold) {
        header(sheet, bold, who + "编码", who + "名称", "有效评价数", "得分", "排名得分", "扣分", "考核得分", "评优资格", "扣分来源");
        int r = 1;
        for (Appraisals.Row row : rows) {
            Row x = sheet.createRow(r++);
            text(x, 0, row.code());
            text(x, 1, row.name());
            x.createCell(2).setCellValue(row.count());
            number(x, 3, row.score());
            number(x, 4, row.rankingScore());
            x.createCell(5).setCellValue(row.deductions().doubleValue());
            number(x, 6, row.net());
            text(x, 7, row.eligibilityLabel());
            text(x, 8, String.join("；", row.sources().stream()
                    .map(s -> "办件 " + s.caseNo() + " 扣 " + s.points().toPlainString() + " 分：" + s.reason()).toList()));
        }
    }

    private static void header(Sheet sheet, CellStyle bold, String... titles) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            Cell c = row.createCell(i);
            c.setCellValue(titles[i]);
            c.setCellStyle(bold);
        }
    }

    private static void text(Row row, int col, String value) {
        row.createCell(col).setCellValue(value == null ? "" : value);
    }

    private static void number(Row row, int col, Double value) {
        if (value == null) {
            row.createCell(col).setCellValue("—");
        } else {
            row.createCell(col).setCellValue(value);
        }
    }
}

package org.haochaping.exchange.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.system.DomainProblem;

/**
 * Reads an import file into rows of column name to text: CSV (UTF-8, with a header row, RFC 4180 quoting) or the
 * first sheet of an .xlsx with the same header row. Column names are matched without regard to case.
 */
final class ImportFile {

    /** The columns of {@code api.md} ("Outside services and files"), in their documented order. */
    static final List<String> COLUMNS = List.of("caseNo", "itemCode", "itemName", "departmentCode", "serviceBodyCode",
            "windowCode", "staffNo", "regionCode", "channel", "level", "comment", "ratedAt", "evaluatorName",
            "evaluatorIdType", "evaluatorIdNumber", "evaluatorMobile");
    static final List<String> REQUIRED = List.of("caseNo", "itemCode", "itemName", "departmentCode", "regionCode",
            "channel", "level", "ratedAt");
    static final int MAX_ROWS = 100_000;

    /** A data row with its line number in the file (the header is line 1). */
    record Line(int number, Map<String, String> values) {
    }

    private ImportFile() {
    }

    static List<Line> read(String fileName, byte[] content) {
        boolean xlsx = (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx"))
                || (content.length > 1 && content[0] == 'P' && content[1] == 'K');
        List<List<String>> table = xlsx ? sheet(content) : csv(content);
        if (table.isEmpty()) {
            throw DomainProblem.badRequest("文件是空的：第一行须为列名。");
        }
        List<String> header = table.get(0).stream().map(h -> h == null ? "" : h.trim()).toList();
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            for (String column : COLUMNS) {
                if (column.equalsIgnoreCase(header.get(i))) {
                    columns.put(i, column);
                }
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsValue(c)).toList();
        if (!missing.isEmpty()) {
            throw DomainProblem.badRequest("第一行缺少必需的列：" + String.join("、", missing) + "。");
        }
        if (table.size() - 1 > MAX_ROWS) {
            throw DomainProblem.badRequest("一次最多导入 " + MAX_ROWS + " 行，请拆分文件。");
        }
        List<Line> lines = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            columns.forEach((index, column) -> {
                String value = index < cells.size() ? cells.get(index) : null;
                values.put(column, value == null || value.isBlank() ? null : value.trim());
            });
            lines.add(new Line(r + 1, values));
        }
        return lines;
    }

    private static List<List<String>> sheet(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
            List<List<String>> table = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                if (r > MAX_ROWS + 1) {
                    table.add(List.of("…"));
                    break;
                }
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null) {
                            cells.add(null);
                        } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            LocalDateTime value = cell.getLocalDateTimeCellValue();
                            cells.add(value == null ? null : value.format(time));
                        } else {
                            cells.add(formatter.formatCellValue(cell));
                        }
                    }
                }
                table.add(cells);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainProblem problem) {
                throw problem;
            }
            throw DomainProblem.badRequest("无法读取 Excel 文件：请上传 .xlsx 格式（第一个工作表）。");
        }
    }

    /** RFC 4180 CSV: fields separated by commas, quoted with double quotes, quotes doubled inside. */
    static List<List<String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> table = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                table.add(row);
                row = new ArrayList<>();
                if (table.size() > MAX_ROWS + 1) {
                    return table;
                }
            } else {
                field.append(ch);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            table.add(row);
        }
        return table;
    }
}

package io.planscore.plans.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.planscore.platform.json.JsonErrors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** KPI-table grids as CSV (UTF-8, RFC 4180, a BOM for spreadsheet programs) and as XLSX (Apache POI). */
public final class TableFormats {

    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String SHEET = "KPI";

    private static final CsvMapper CSV_MAPPER = new CsvMapper();

    private TableFormats() {
    }

    /** Thrown for a body that is not a readable CSV or XLSX file. */
    public static final class UnreadableTable extends Exception {
        public UnreadableTable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static String writeCsv(List<List<String>> grid) {
        try {
            int width = grid.stream().mapToInt(List::size).max().orElse(0);
            List<String[]> rows = new ArrayList<>();
            for (List<String> row : grid) {
                String[] cells = new String[Math.max(width, 1)];
                Arrays.fill(cells, "");
                for (int i = 0; i < row.size(); i++) {
                    cells[i] = row.get(i) == null ? "" : row.get(i);
                }
                rows.add(cells);
            }
            return "\uFEFF" + CSV_MAPPER.writer(CsvSchema.emptySchema().withLineSeparator("\r\n")).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<List<String>> readCsv(String text) throws UnreadableTable {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> grid = new ArrayList<>();
        try (MappingIterator<String[]> rows = CSV_MAPPER.readerFor(String[].class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(body)) {
            while (rows.hasNext()) {
                grid.add(new ArrayList<>(Arrays.asList(rows.next())));
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTable("The body is not readable CSV: " + describe(e), e);
        }
        return grid;
    }

    /** Jackson's own message (thrown as is, or wrapped by the row iterator) names its reader and Java types. */
    private static String describe(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return JsonErrors.messageAndLocation(json);
            }
        }
        return e.getMessage();
    }

    public static byte[] writeXlsx(List<List<String>> grid) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            boolean headerSeen = false;
            for (int r = 0; r < grid.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = grid.get(r);
                boolean header = !headerSeen && cells.size() > 2;
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(cells.get(c) == null ? "" : cells.get(c));
                    if (header || cells.size() == 2 && c == 0) {
                        cell.setCellStyle(bold);
                    }
                }
                headerSeen |= header;
            }
            sheet.createFreezePane(0, 0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheet named KPI, else the first sheet; every cell as the text a spreadsheet shows. */
    public static List<List<String>> readXlsx(byte[] bytes) throws UnreadableTable {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheet(SHEET) != null ? workbook.getSheet(SHEET) : workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<List<String>> grid = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                grid.add(cells);
            }
            return grid;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTable("The body is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }
}
